package io.doorman.slack.cards;

import io.doorman.policies.Language;
import io.doorman.policies.Person;
import io.doorman.policies.engine.Policy;
import io.doorman.store.StoredInvitation;
import java.util.Locale;

/** The policy's "Have we met?" for a stored invitation, in the language of its email. */
public final class Questions {

  private Questions() {}

  public static String haveWeMet(Policy policy, StoredInvitation i) {
    Person sender = new Person(i.senderName(), i.senderHeadline(), i.senderLocation(), i.profileUrl());
    return policy.clarifyingQuestion(language(i.language()), sender, recipientFirstName(i));
  }

  static Language language(String code) {
    for (Language l : Language.values()) {
      if (l.code().equals(code.toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    return Language.EN;
  }

  /** The first name of whom the invitation is for; empty for an address or nobody named. */
  static String recipientFirstName(StoredInvitation i) {
    String r = i.recipient().orElse("").strip();
    return r.contains("@") ? "" : Cards.firstName(r);
  }
}

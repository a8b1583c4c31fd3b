package io.doorman.decisions;

import io.doorman.policies.Language;
import io.doorman.policies.Person;
import io.doorman.policies.engine.Policy;
import io.doorman.store.StoredInvitation;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that renders the policy's texts for a stored invitation: "Have we met?" and the
 * follow-up, in the language of its email, with {@code {firstName}} (the sender's) and {@code
 * {recipientFirstName}} filled in. Every channel shows these, and an Ask without an edited text
 * stores this one.
 */
public final class Questions {

  private final Policy policy;

  public Questions(Policy policy) {
    this.policy = policy;
  }

  public String haveWeMet(StoredInvitation i) {
    return policy.clarifyingQuestion(language(i.language()), sender(i), recipientFirstName(i.recipient()));
  }

  public String followUp(StoredInvitation i) {
    return policy.followUp(language(i.language()), sender(i), recipientFirstName(i.recipient()));
  }

  static Language language(String code) {
    for (Language l : Language.values()) {
      if (l.code().equals(code.toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    return Language.EN;
  }

  private static Person sender(StoredInvitation i) {
    return new Person(i.senderName(), i.senderHeadline(), i.senderLocation(), i.profileUrl());
  }

  /**
   * Whom the invitation is for, by first name: the first word of a name ("Alex Morgan" → "Alex");
   * for an address, the first part of its local part when it is a word, capitalised
   * ("alex.morgan@example.com" → "Alex"); empty when there is nobody, or no word to use.
   */
  static String recipientFirstName(Optional<String> recipient) {
    String r = recipient.orElse("").strip();
    int at = r.indexOf('@');
    if (at < 0) {
      return Person.named(r).firstName();
    }
    String first = r.substring(0, at).split("[._+\\-]", 2)[0];
    if (first.isEmpty() || !first.chars().allMatch(Character::isLetter)) {
      return "";
    }
    return first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1).toLowerCase(Locale.ROOT);
  }
}

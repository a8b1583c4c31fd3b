package io.doorman.policies.engine;

import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Message;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.Optional;
import java.util.OptionalInt;

/** Test records, built the way the mail parser builds them. */
final class Invitations {

  private Invitations() {}

  static Origin origin(Language lang, Authenticity authenticity, String recipient) {
    return new Origin("test.eml", Optional.empty(), Optional.ofNullable(recipient), authenticity,
        Optional.empty(), lang);
  }

  static Invitation invitation(String headline, String note) {
    return invitation(Language.EN, Authenticity.LINKEDIN, headline, note, 3);
  }

  static Invitation invitation(
      Language lang, Authenticity authenticity, String headline, String note, Integer mutual) {
    return invitation(origin(lang, authenticity, null), "Robin Example", headline, note, mutual);
  }

  static Invitation invitation(
      Origin origin, String name, String headline, String note, Integer mutual) {
    return new Invitation(origin,
        new Person(name, Optional.ofNullable(headline), Optional.empty(), Optional.empty()),
        mutual == null ? OptionalInt.empty() : OptionalInt.of(mutual),
        Optional.ofNullable(note), Optional.empty(), Optional.empty(), false);
  }

  static Message message(Language lang, String text) {
    return new Message(origin(lang, Authenticity.LINKEDIN, null), Person.named("Robin Example"),
        text);
  }
}

package io.doorman.ingest.linkedin;

import io.doorman.policies.Message;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.Optional;

/** Reads a message notification or an InMail: who wrote, their headline, and the message as shown. */
final class MessageReader {

  private MessageReader() {}

  static Message read(Origin origin, Reading r) {
    Optional<String> text = r.memberText();
    if (text.isEmpty()) {
      r.problem("message: no message text could be read");
    }
    if (r.name().isBlank()) {
      r.problem("message: the sender's name could not be read");
    }
    return new Message(
        origin.withProblems(r.problems()),
        new Person(r.name(), r.person.flatMap(PersonBlock::headline), Optional.empty(), r.link(LinkRole.PROFILE)),
        text.orElse(""));
  }
}

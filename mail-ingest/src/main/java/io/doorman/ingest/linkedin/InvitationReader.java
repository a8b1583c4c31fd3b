package io.doorman.ingest.linkedin;

import io.doorman.policies.Invitation;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads one invitation (or LinkedIn's reminder of one) in any template generation and language. */
final class InvitationReader {

  private InvitationReader() {}

  static Invitation read(Origin origin, Reading r) {
    Optional<String> note = r.memberText().filter(n -> !TemplateText.isDefaultText(n));
    Optional<String> acceptRaw = r.rawLink(LinkRole.ACCEPT);
    if (acceptRaw.isEmpty()) {
      r.problem("invitation: no accept link");
    }
    if (r.name().isBlank()) {
      r.problem("invitation: the sender's name could not be read");
    }
    return new Invitation(
        origin.withProblems(r.problems()),
        new Person(
            r.name(),
            r.person.flatMap(PersonBlock::headline),
            r.person.flatMap(PersonBlock::location),
            r.link(LinkRole.PROFILE)),
        r.person.map(PersonBlock::mutual).orElse(OptionalInt.empty()),
        note,
        r.link(LinkRole.ACCEPT),
        acceptRaw.flatMap(LinkCleaner::invitationId),
        isReminder(r));
  }

  private static boolean isReminder(Reading r) {
    if (r.marks.reminder()) {
      return true;
    }
    if (TemplateText.isReminder(r.original.subject())) {
      return true;
    }
    StringBuilder top = new StringBuilder();
    for (Line line : r.layout.content()) {
      if (line.isLink()) {
        break;
      }
      top.append(line.text()).append('\n');
    }
    return TemplateText.isReminder(top.toString());
  }
}

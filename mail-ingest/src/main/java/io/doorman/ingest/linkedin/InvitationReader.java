package io.doorman.ingest.linkedin;

import io.doorman.policies.Invitation;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads one invitation (or LinkedIn's reminder of one) in any template generation and language. */
final class InvitationReader {

  private InvitationReader() {}

  static Invitation read(
      Origin origin, Original original, Content content, List<String> names, boolean linksShown) {
    List<List<String>> blocks = content.blocks();
    Optional<PersonBlock> person = PersonBlock.find(blocks, names);
    String name = person.map(PersonBlock::name).orElse(names.isEmpty() ? "" : names.get(0));
    String around = person.map(p -> p.textAround(blocks)).orElseGet(() -> joined(blocks));
    Optional<String> note =
        Optional.of(around.strip()).filter(n -> !n.isEmpty() && !Wording.isDefaultText(n));
    Optional<String> acceptRaw = original.firstLink(Wording.LinkRole.ACCEPT).map(Link::url);
    Optional<String> profileRaw = original.firstLink(Wording.LinkRole.PROFILE).map(Link::url);
    Optional<String> invitationId = acceptRaw.flatMap(u -> LinkCleaner.param(u, "invitationId"));
    boolean reminder = Wording.isReminder(original.subject()) || Wording.isReminder(topText(content));
    return new Invitation(
        origin,
        new Person(
            name,
            person.flatMap(PersonBlock::headline),
            person.flatMap(PersonBlock::location),
            linksShown ? profileRaw.map(LinkCleaner::clean) : Optional.empty()),
        person.map(PersonBlock::mutual).orElse(OptionalInt.empty()),
        note,
        linksShown ? acceptRaw.map(LinkCleaner::clean) : Optional.empty(),
        invitationId,
        reminder);
  }

  private static String topText(Content content) {
    StringBuilder sb = new StringBuilder();
    for (Line line : content.lines()) {
      if (line.isLink()) {
        break;
      }
      sb.append(line.text()).append('\n');
    }
    return sb.toString();
  }

  private static String joined(List<List<String>> blocks) {
    StringBuilder sb = new StringBuilder();
    for (List<String> block : blocks) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append(String.join("\n", block));
    }
    return sb.toString();
  }
}

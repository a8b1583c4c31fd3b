package io.doorman.ingest.linkedin;

import io.doorman.policies.Message;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a message notification: who wrote, their headline, and the message as shown. */
final class MessageReader {

  private MessageReader() {}

  static Message read(
      Origin origin, Original original, Content content, List<String> names, boolean linksShown) {
    List<List<String>> blocks = content.blocks();
    Optional<PersonBlock> person = PersonBlock.find(blocks, names);
    String name = person.map(PersonBlock::name).orElse(names.isEmpty() ? "" : names.get(0));
    String text =
        person.map(p -> p.textAround(blocks)).orElseGet(() -> largest(blocks)).strip();
    Optional<String> profile =
        linksShown ? NotificationRecognizer.profileLink(content) : Optional.empty();
    return new Message(
        origin,
        new Person(name, person.flatMap(PersonBlock::headline), Optional.empty(), profile),
        text);
  }

  private static String largest(List<List<String>> blocks) {
    List<String> best = new ArrayList<>();
    for (List<String> block : blocks) {
      if (String.join("\n", block).length() > String.join("\n", best).length()) {
        best = block;
      }
    }
    return String.join("\n", best);
  }
}

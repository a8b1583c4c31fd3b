package io.doorman.ingest.linkedin;

import io.doorman.ingest.mime.Mailbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The notification as LinkedIn sent it, after unwrapping any forward: its header fields as far as
 * they can be seen, and its body as lines.
 *
 * @param from the original's sender, when the email (or the forward) shows it
 * @param to the original's recipient, when shown
 * @param subject the original's subject, or empty text
 * @param messageId the original's Message-ID, when known (not for inline forwards)
 * @param sentAt the original's date, when known
 * @param lines the original's body, one element per line
 */
record Original(
    Optional<Mailbox> from,
    Optional<Mailbox> to,
    String subject,
    Optional<String> messageId,
    Optional<Instant> sentAt,
    List<Line> lines) {

  Optional<String> fromAddress() {
    return from.flatMap(Mailbox::address);
  }

  Optional<String> fromName() {
    return from.flatMap(Mailbox::name);
  }

  /** Every link of the body, footer included. */
  List<Link> links() {
    List<Link> links = new ArrayList<>();
    for (Line line : lines) {
      line.link().ifPresent(links::add);
    }
    return Collections.unmodifiableList(links);
  }

  Optional<Link> firstLink(Wording.LinkRole role) {
    for (Line line : lines) {
      if (isLink(line, role)) {
        return line.link();
      }
    }
    return Optional.empty();
  }

  int countLinks(Wording.LinkRole role) {
    int n = 0;
    for (Line line : lines) {
      n += isLink(line, role) ? 1 : 0;
    }
    return n;
  }

  private static boolean isLink(Line line, Wording.LinkRole role) {
    return line.link().isPresent() && line.link().get().role() == role;
  }

  /**
   * The body as one text, for finding phrases: a link line as its label ("Accept:"), without the
   * address, which is most of a notification's text and holds none of its wording.
   */
  String text() {
    StringBuilder sb = new StringBuilder(subject).append('\n');
    for (Line line : lines) {
      if (line.isLink()) {
        sb.append(line.link().get().label()).append(":\n");
      } else {
        sb.append(line.text()).append('\n');
      }
    }
    return sb.toString();
  }
}

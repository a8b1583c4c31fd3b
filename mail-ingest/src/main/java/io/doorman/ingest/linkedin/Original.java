package io.doorman.ingest.linkedin;

import io.doorman.ingest.mime.Mailbox;
import io.doorman.ingest.mime.MimeMail;
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
 * @param mail the original as a MIME message, when it is one (not for inline forwards): its
 *     LinkedIn headers and its HTML part
 * @param fromHtml whether the lines were read from the HTML part (there was no text part)
 */
record Original(
    Optional<Mailbox> from,
    Optional<Mailbox> to,
    String subject,
    Optional<String> messageId,
    Optional<Instant> sentAt,
    List<Line> lines,
    Optional<MimeMail> mail,
    boolean fromHtml) {

  Optional<String> fromAddress() {
    return from.flatMap(Mailbox::address);
  }

  Optional<String> fromName() {
    return from.flatMap(Mailbox::name);
  }

  /** A header of the original message ({@code X-LinkedIn-Template}, …), when it has one. */
  Optional<String> header(String name) {
    return mail.flatMap(m -> m.header(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The HTML part's bytes, when the original has both parts (so the two readings can be compared). */
  Optional<MimeMail.Bytes> alternativeHtml() {
    if (fromHtml || mail.isEmpty()) {
      return Optional.empty();
    }
    return mail.get().htmlBytes();
  }

  /** Every link of the body, footer included. */
  List<Link> links() {
    List<Link> links = new ArrayList<>();
    for (Line line : lines) {
      line.link().ifPresent(links::add);
    }
    return Collections.unmodifiableList(links);
  }

  Optional<Link> firstLink(LinkRole role) {
    for (Line line : lines) {
      if (isLink(line, role)) {
        return line.link();
      }
    }
    return Optional.empty();
  }

  private static boolean isLink(Line line, LinkRole role) {
    return line.link().isPresent() && line.link().get().role() == role;
  }
}

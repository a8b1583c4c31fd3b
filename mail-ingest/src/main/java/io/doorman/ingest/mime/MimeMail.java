package io.doorman.ingest.mime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An email with its MIME structure resolved into what the LinkedIn layer reads.
 *
 * @param headers top-level headers in order, unfolded and RFC 2047-decoded
 * @param plainText the first text/plain body, decoded to a string
 * @param html the first text/html body, decoded to a string
 * @param attachedMessages messages attached as {@code message/rfc822}, read the same way
 * @param rawBytes the email's bytes as read, for DKIM verification
 * @param warnings what was repaired or guessed along the way (e.g. an unknown charset)
 */
public record MimeMail(
    List<Header> headers,
    Optional<String> plainText,
    Optional<String> html,
    List<MimeMail> attachedMessages,
    byte[] rawBytes,
    List<String> warnings) {

  public MimeMail {
    headers = List.copyOf(headers);
    Objects.requireNonNull(plainText, "plainText");
    Objects.requireNonNull(html, "html");
    attachedMessages = List.copyOf(attachedMessages);
    Objects.requireNonNull(rawBytes, "rawBytes");
    warnings = List.copyOf(warnings);
  }

  /** The first header of that name (case-insensitive), decoded. */
  public Optional<String> header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** One header field: its name as written, its value unfolded and decoded. */
  public record Header(String name, String value) {}
}

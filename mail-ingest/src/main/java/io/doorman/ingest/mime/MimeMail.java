package io.doorman.ingest.mime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An email with its MIME structure resolved into what the LinkedIn layer reads.
 *
 * <p>The HTML body is decoded when first asked for: most notifications are read from their text
 * part alone, and the HTML part is usually three times its size.
 */
public final class MimeMail {

  private final List<Header> headers;
  private final Optional<String> plainText;
  private final Deferred html;
  private final List<MimeMail> attachedMessages;
  private final byte[] rawBytes;
  private final List<String> warnings;

  /**
   * @param headers top-level headers in order, unfolded and RFC 2047-decoded
   * @param plainText the first text/plain body, decoded to a string
   * @param html the first text/html body, to be decoded when asked for
   * @param attachedMessages messages attached as {@code message/rfc822}, read the same way
   * @param rawBytes the email's bytes as read, for DKIM verification
   * @param warnings what was repaired or guessed so far (e.g. an unknown charset)
   */
  MimeMail(
      List<Header> headers,
      Optional<String> plainText,
      Optional<EncodedBody> html,
      List<MimeMail> attachedMessages,
      byte[] rawBytes,
      List<String> warnings) {
    this.headers = List.copyOf(headers);
    this.plainText = Objects.requireNonNull(plainText, "plainText");
    this.html = new Deferred(Objects.requireNonNull(html, "html"));
    this.attachedMessages = List.copyOf(attachedMessages);
    this.rawBytes = Objects.requireNonNull(rawBytes, "rawBytes");
    this.warnings = new ArrayList<>(warnings);
  }

  /** Top-level headers in order, unfolded and RFC 2047-decoded. */
  public List<Header> headers() {
    return headers;
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

  /** The first text/plain body, decoded to a string. */
  public Optional<String> plainText() {
    return plainText;
  }

  /** The first text/html body, decoded to a string (on the first call). */
  public Optional<String> html() {
    return html.text();
  }

  /**
   * The first text/html body's bytes, decoded from its transfer encoding only, with its charset:
   * for a reader that wants a small part of it (its visible text) without making all of it a
   * string. Empty when there is no HTML body.
   */
  public Optional<Bytes> htmlBytes() {
    return html.bytes();
  }

  /** A body's bytes, transfer encoding removed, and the charset they are in. */
  public record Bytes(byte[] data, Charset charset) {}

  /** Messages attached as {@code message/rfc822}, read the same way. */
  public List<MimeMail> attachedMessages() {
    return attachedMessages;
  }

  /** The email's bytes as read, for DKIM verification. */
  public byte[] rawBytes() {
    return rawBytes;
  }

  /**
   * What was repaired or guessed along the way (e.g. an unknown charset), including what decoding
   * the HTML body found if it has been asked for.
   */
  public List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }

  /** One header field: its name as written, its value unfolded and decoded. */
  public record Header(String name, String value) {}

  /** A body part still in its transfer encoding and charset. */
  record EncodedBody(byte[] data, int from, int to, String transferEncoding, Charset charset) {}

  /** The HTML body, decoded once, by whichever thread first asks. */
  private final class Deferred {
    private Optional<EncodedBody> encoded;
    private Bytes bytes;
    private Optional<String> decoded;

    Deferred(Optional<EncodedBody> encoded) {
      this.encoded = encoded;
      this.decoded = encoded.isEmpty() ? Optional.empty() : null;
    }

    synchronized Optional<Bytes> bytes() {
      if (bytes == null && encoded.isPresent()) {
        EncodedBody b = encoded.get();
        bytes = new Bytes(TransferDecoding.decode(b.transferEncoding(), b.data(), b.from(), b.to()), b.charset());
      }
      return Optional.ofNullable(bytes);
    }

    synchronized Optional<String> text() {
      if (decoded == null) {
        Bytes b = bytes().orElseThrow();
        List<String> found = new ArrayList<>();
        decoded = Optional.of(Charsets.decode(b.data(), 0, b.data().length, b.charset(), found));
        synchronized (warnings) {
          warnings.addAll(found);
        }
        encoded = Optional.empty();
        bytes = null;
      }
      return decoded;
    }
  }
}

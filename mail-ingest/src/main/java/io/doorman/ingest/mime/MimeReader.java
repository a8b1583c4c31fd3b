package io.doorman.ingest.mime;

import io.doorman.ingest.Limits;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an email's MIME structure straight from its bytes: header blocks, multiparts at any depth,
 * attached messages, quoted-printable and base64 decoded in bulk, charsets decoded leniently. It
 * enforces {@link Limits}; damage short of those (a missing closing boundary, a cut-off part, an
 * unknown charset) is repaired and noted as a warning.
 */
public final class MimeReader {

  private final Limits limits;

  public MimeReader() {
    this(Limits.DEFAULTS);
  }

  public MimeReader(Limits limits) {
    this.limits = limits;
  }

  public MimeMail read(RawMail raw) throws UnreadableMailException {
    byte[] bytes = raw.bytes();
    if (bytes.length > limits.maxMessageBytes()) {
      throw new UnreadableMailException(
          raw.source(),
          "message is " + megabytes(bytes.length) + ", over the " + megabytes(limits.maxMessageBytes()) + " limit");
    }
    if (!looksLikeMail(bytes)) {
      throw new UnreadableMailException(raw.source(), "not an email: no header block at its start");
    }
    try {
      return new Reading(bytes).message(0, bytes.length, 0);
    } catch (LimitExceeded e) {
      throw new UnreadableMailException(raw.source(), e.getMessage());
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** An email starts with a header field: a name, a colon. */
  private static boolean looksLikeMail(byte[] b) {
    int i = 0;
    while (i < b.length && i < 1000) {
      byte c = b[i];
      if (c == ':') {
        return i > 0;
      }
      if (c <= ' ' || c >= 127) {
        return false;
      }
      i++;
    }
    return false;
  }

  /** The state of reading one message: its bytes, the parts counted so far, the warnings. */
  private final class Reading {
    private final byte[] data;
    private final List<String> warnings = new ArrayList<>();
    private int parts;

    Reading(byte[] data) {
      this.data = data;
    }

    MimeMail message(int from, int to, int depth) {
      Entity top = entity(from, to, depth);
      Bodies bodies = new Bodies();
      collect(top, bodies, depth);
      return new MimeMail(
          top.headers,
          Optional.ofNullable(bodies.plain),
          Optional.ofNullable(bodies.html),
          bodies.attached,
          from == 0 && to == data.length ? data : Arrays.copyOfRange(data, from, to),
          warnings);
    }

    private Entity entity(int from, int to, int depth) {
      if (depth > limits.maxDepth()) {
        throw new LimitExceeded("MIME nesting deeper than " + limits.maxDepth() + " levels");
      }
      if (++parts > limits.maxParts()) {
        throw new LimitExceeded("more than " + limits.maxParts() + " MIME parts");
      }
      HeaderBlock block = HeaderBlock.read(data, from, to, limits);
      return new Entity(block.headers(), block.bodyStart(), to);
    }

    private void collect(Entity e, Bodies bodies, int depth) {
      ContentType type = e.header("Content-Type").map(ContentType::parse).orElse(ContentType.DEFAULT);
      if (type.isMultipart()) {
        Optional<String> boundary = type.boundary();
        if (boundary.isEmpty()) {
          warnings.add("multipart without a boundary, read as text");
          text(e, new ContentType("text/plain", Optional.empty(), type.charset()), bodies);
          return;
        }
        for (int[] range : Multipart.parts(data, e.bodyStart, e.end, boundary.get(), warnings)) {
          collect(entity(range[0], range[1], depth + 1), bodies, depth + 1);
        }
      } else if (type.mimeType().equals("message/rfc822")) {
        byte[] inner = body(e);
        if (looksLikeMail(inner)) {
          bodies.attached.add(new Reading(inner).messageAt(depth + 1, parts, this));
        }
      } else if (type.mimeType().equals("text/plain") || type.mimeType().equals("text/html")) {
        text(e, type, bodies);
      }
    }

    /** An attached message, counted against the same limits as its container. */
    MimeMail messageAt(int depth, int partsSoFar, Reading parent) {
      this.parts = partsSoFar;
      MimeMail mail = message(0, data.length, depth);
      parent.parts = this.parts;
      parent.warnings.addAll(warnings);
      return mail;
    }

    private void text(Entity e, ContentType type, Bodies bodies) {
      boolean html = type.mimeType().equals("text/html");
      if ((html && bodies.html != null) || (!html && bodies.plain != null)) {
        return;
      }
      if (e.header("Content-Disposition").map(d -> d.toLowerCase(Locale.ROOT).startsWith("attachment")).orElse(false)) {
        return;
      }
      Charset charset = Charsets.forName(type.charset().orElse("utf-8"), warnings);
      if (html) {
        bodies.html = new MimeMail.EncodedBody(data, e.bodyStart, e.end, transferEncoding(e), charset);
      } else {
        byte[] decoded = body(e);
        bodies.plain = Charsets.decode(decoded, 0, decoded.length, charset, warnings);
      }
    }

    private byte[] body(Entity e) {
      return TransferDecoding.decode(transferEncoding(e), data, e.bodyStart, e.end);
    }

    private static String transferEncoding(Entity e) {
      return e.header("Content-Transfer-Encoding").orElse("7bit");
    }
  }

  private record Entity(List<MimeMail.Header> headers, int bodyStart, int end) {
    Optional<String> header(String name) {
      for (MimeMail.Header h : headers) {
        if (h.name().equalsIgnoreCase(name)) {
          return Optional.of(h.value());
        }
      }
      return Optional.empty();
    }
  }

  private static final class Bodies {
    String plain;
    MimeMail.EncodedBody html;
    final List<MimeMail> attached = new ArrayList<>();
  }
}

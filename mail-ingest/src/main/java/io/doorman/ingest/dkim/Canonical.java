package io.doorman.ingest.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A message split the way DKIM sees it, and its canonical forms (RFC 6376 3.4): header fields as
 * raw text (folding kept), the body as bytes, lines always ending in CRLF even when the file had
 * bare LF.
 */
final class Canonical {

  /** One header field as it stood: its name and its whole raw text, folding and CRLFs included. */
  record Field(String name, String raw) {}

  final List<Field> fields;
  final byte[] body;
  /** Where the body starts in the message's bytes. */
  final int bodyStart;

  private Canonical(List<Field> fields, byte[] body, int bodyStart) {
    this.fields = fields;
    this.body = body;
    this.bodyStart = bodyStart;
  }

  static Canonical split(byte[] message) {
    List<String> lines = new ArrayList<>();
    int i = 0;
    int bodyStart = message.length;
    while (i < message.length) {
      int end = i;
      while (end < message.length && message[end] != '\n') {
        end++;
      }
      int contentEnd = end > i && message[end - 1] == '\r' ? end - 1 : end;
      if (contentEnd == i) {
        bodyStart = Math.min(end + 1, message.length);
        break;
      }
      lines.add(new String(message, i, contentEnd - i, StandardCharsets.ISO_8859_1));
      i = end + 1;
    }
    List<Field> fields = new ArrayList<>();
    for (String line : lines) {
      if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
        Field last = fields.remove(fields.size() - 1);
        fields.add(new Field(last.name(), last.raw() + "\r\n" + line));
      } else {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        fields.add(new Field(name.strip(), line));
      }
    }
    byte[] body = new byte[message.length - bodyStart];
    System.arraycopy(message, bodyStart, body, 0, body.length);
    return new Canonical(fields, body, bodyStart);
  }

  /**
   * How many bytes of the body as written its first {@code canonicalLength} canonical bytes stand
   * for, in whole lines: a line that is only partly signed is not signed.
   */
  int rawBodyLength(boolean relaxed, int canonicalLength) {
    int canonical = 0;
    int i = 0;
    while (i < body.length) {
      int end = i;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      int contentEnd = end > i && body[end - 1] == '\r' ? end - 1 : end;
      String line = new String(body, i, contentEnd - i, StandardCharsets.ISO_8859_1);
      if (relaxed) {
        line = line.replaceAll("[ \t]+", " ").replaceAll(" $", "");
      }
      canonical += line.length() + 2;
      if (canonical > canonicalLength) {
        return i;
      }
      i = Math.min(end + 1, body.length);
    }
    return body.length;
  }

  /** A header field in the given canonicalization, without its final CRLF. */
  static String header(Field field, boolean relaxed) {
    if (!relaxed) {
      return field.raw();
    }
    String raw = field.raw();
    int colon = raw.indexOf(':');
    String name = raw.substring(0, colon < 0 ? raw.length() : colon).strip().toLowerCase(Locale.ROOT);
    String value = colon < 0 ? "" : raw.substring(colon + 1);
    value = value.replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    return name + ":" + value;
  }

  /** The body in the given canonicalization (RFC 6376 3.4.3 and 3.4.4). */
  byte[] body(boolean relaxed) {
    List<String> lines = new ArrayList<>();
    int i = 0;
    while (i < body.length) {
      int end = i;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      int contentEnd = end > i && body[end - 1] == '\r' ? end - 1 : end;
      lines.add(new String(body, i, contentEnd - i, StandardCharsets.ISO_8859_1));
      i = end + 1;
    }
    if (relaxed) {
      lines.replaceAll(l -> l.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
    if (lines.isEmpty()) {
      if (!relaxed) {
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      return out.toByteArray();
    }
    for (String line : lines) {
      out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }
}

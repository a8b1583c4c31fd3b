package io.doorman.ingest.mime;

import io.doorman.ingest.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The header block at the start of a message or part: fields unfolded, raw 8-bit bytes read as
 * UTF-8 (else windows-1252) and RFC 2047 words decoded. It ends at the first empty line, or at the
 * first line that is neither a field nor a continuation (broken mail that forgot the empty line).
 */
record HeaderBlock(List<MimeMail.Header> headers, int bodyStart) {

  /** A folded header line: the line break and the indent that continues it. */
  private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]+");

  static HeaderBlock read(byte[] data, int from, int to, Limits limits) {
    List<MimeMail.Header> headers = new ArrayList<>();
    int i = from;
    int fieldStart = -1;
    int fieldEnd = -1;
    while (i < to) {
      int lineEnd = lineEnd(data, i, to);
      int next = lineEnd < to ? lineEnd + 1 : to;
      int contentEnd = lineEnd > i && data[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      if (lineEnd - i > limits.maxLineBytes()) {
        throw new LimitExceeded("a header line is longer than " + limits.maxLineBytes() + " bytes");
      }
      if (next - from > limits.maxHeaderBytes()) {
        throw new LimitExceeded("header block is over " + limits.maxHeaderBytes() / 1024 + " KB");
      }
      if (contentEnd == i) {
        add(headers, data, fieldStart, fieldEnd);
        return new HeaderBlock(headers, next);
      }
      boolean continuation = data[i] == ' ' || data[i] == '\t';
      if (continuation && fieldStart >= 0) {
        fieldEnd = contentEnd;
      } else if (hasColon(data, i, contentEnd)) {
        add(headers, data, fieldStart, fieldEnd);
        fieldStart = i;
        fieldEnd = contentEnd;
      } else {
        add(headers, data, fieldStart, fieldEnd);
        return new HeaderBlock(headers, i);
      }
      i = next;
    }
    add(headers, data, fieldStart, fieldEnd);
    return new HeaderBlock(headers, to);
  }

  private static void add(List<MimeMail.Header> headers, byte[] data, int start, int end) {
    if (start < 0) {
      return;
    }
    String raw = Charsets.headerText(data, start, end);
    int colon = raw.indexOf(':');
    String name = raw.substring(0, colon).strip();
    String value = raw.substring(colon + 1);
    if (value.indexOf('\n') >= 0) {
      value = FOLD.matcher(value).replaceAll(" ");
    }
    value = value.strip();
    headers.add(new MimeMail.Header(name, EncodedWords.decode(value)));
  }

  /** A field name is printable ASCII without spaces, then a colon. */
  private static boolean hasColon(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = data[i];
      if (b == ':') {
        return i > from;
      }
      if (b <= ' ' || b >= 127) {
        return false;
      }
    }
    return false;
  }

  static int lineEnd(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return to;
  }
}

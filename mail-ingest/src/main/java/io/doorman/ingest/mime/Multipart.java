package io.doorman.ingest.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multipart body at its boundary lines. The preamble and epilogue are dropped; a missing
 * closing boundary ends the last part at the end of the body (with a warning).
 */
final class Multipart {

  private Multipart() {}

  /** The [start, end) byte range of each part. */
  static List<int[]> parts(byte[] data, int from, int to, String boundary, List<String> warnings) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<int[]> parts = new ArrayList<>();
    int at = find(data, delimiter, from, to);
    if (at < 0) {
      warnings.add("multipart boundary '" + boundary + "' never appears; body skipped");
      return parts;
    }
    while (at >= 0) {
      int afterDelimiter = at + delimiter.length;
      if (afterDelimiter + 1 < to && data[afterDelimiter] == '-' && data[afterDelimiter + 1] == '-') {
        return parts;
      }
      int lineEnd = HeaderBlock.lineEnd(data, afterDelimiter, to);
      int start = Math.min(lineEnd + 1, to);
      int next = find(data, delimiter, start, to);
      int end = next < 0 ? to : trimLineBreak(data, start, next);
      parts.add(new int[] {start, end});
      if (next < 0) {
        warnings.add("multipart has no closing boundary; read to the end");
      }
      at = next;
    }
    return parts;
  }

  /** The next delimiter at the start of a line, or -1. */
  private static int find(byte[] data, byte[] delimiter, int from, int to) {
    byte first = delimiter[0];
    int last = to - delimiter.length;
    for (int i = from; i <= last; i++) {
      if (data[i] != first || (i > from && data[i - 1] != '\n') || (i == from && i > 0 && data[i - 1] != '\n')) {
        continue;
      }
      int k = 1;
      while (k < delimiter.length && data[i + k] == delimiter[k]) {
        k++;
      }
      if (k == delimiter.length) {
        return i;
      }
    }
    return -1;
  }

  /** A part ends before the line break that precedes the next delimiter. */
  private static int trimLineBreak(byte[] data, int start, int delimiterAt) {
    int end = delimiterAt;
    if (end > start && data[end - 1] == '\n') {
      end--;
      if (end > start && data[end - 1] == '\r') {
        end--;
      }
    }
    return end;
  }
}

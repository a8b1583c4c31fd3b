package io.doorman.ingest.source;

import io.doorman.ingest.RawMail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams the messages of an mbox, one at a time, never holding the file: a message starts at a
 * {@code From } line (at the start of the file or after an empty line), and {@code >From } lines
 * lose one {@code >} (mboxrd, which also undoes mboxo's quoting). A message over the size limit is
 * skipped, not buffered, and reported as a problem.
 */
final class MboxReader implements Iterator<SourceEntry> {

  private final InputStream in;
  private final String path;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private byte[] pendingFromLine;
  private int index;
  private SourceEntry next;

  MboxReader(InputStream in, String path, int maxBytes) {
    this.in = in;
    this.path = path;
    this.maxBytes = maxBytes;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readMessage();
    }
    return next != null;
  }

  @Override
  public SourceEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceEntry entry = next;
    next = null;
    return entry;
  }

  private SourceEntry readMessage() {
    try {
      if (pendingFromLine == null) {
        byte[] first = readLine();
        while (first != null && !isFromLine(first)) {
          first = readLine();
        }
        if (first == null) {
          return null;
        }
      }
      pendingFromLine = null;
      ByteArrayOutputStream message = new ByteArrayOutputStream(16 * 1024);
      boolean tooBig = false;
      boolean previousBlank = true;
      byte[] l;
      while ((l = readLine()) != null) {
        if (previousBlank && isFromLine(l)) {
          pendingFromLine = l;
          break;
        }
        previousBlank = isBlank(l);
        if (tooBig) {
          continue;
        }
        int skip = quotedFrom(l) ? 1 : 0;
        message.write(l, skip, l.length - skip);
        if (message.size() > maxBytes) {
          tooBig = true;
          message = new ByteArrayOutputStream(0);
        }
      }
      String source = path + "#" + index++;
      if (tooBig) {
        return new SourceEntry.Problem(
            source, "message is over the " + maxBytes / (1024 * 1024) + " MB limit; skipped");
      }
      return new SourceEntry.Mail(new RawMail(source, withoutSeparatorBlank(message.toByteArray())));
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  /** The empty line that separates mbox messages is not part of the message. */
  private static byte[] withoutSeparatorBlank(byte[] m) {
    int end = m.length;
    if (end >= 2 && m[end - 1] == '\n' && m[end - 2] == '\n') {
      end--;
    } else if (end >= 4 && m[end - 1] == '\n' && m[end - 2] == '\r' && m[end - 3] == '\n') {
      end -= 2;
    }
    return end == m.length ? m : java.util.Arrays.copyOf(m, end);
  }

  static boolean isFromLine(byte[] l) {
    return l.length >= 5 && l[0] == 'F' && l[1] == 'r' && l[2] == 'o' && l[3] == 'm' && l[4] == ' ';
  }

  private static boolean quotedFrom(byte[] l) {
    int i = 0;
    while (i < l.length && l[i] == '>') {
      i++;
    }
    return i > 0 && l.length - i >= 5 && l[i] == 'F' && l[i + 1] == 'r' && l[i + 2] == 'o' && l[i + 3] == 'm' && l[i + 4] == ' ';
  }

  private static boolean isBlank(byte[] l) {
    return l.length == 0 || (l.length == 1 && l[0] == '\n') || (l.length == 2 && l[0] == '\r' && l[1] == '\n');
  }

  /** The next line with its line ending, or null at the end of input. */
  private byte[] readLine() throws IOException {
    line.reset();
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          return line.size() == 0 ? null : line.toByteArray();
        }
      }
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      if (pos < limit) {
        pos++;
        line.write(buffer, start, pos - start);
        return line.toByteArray();
      }
      line.write(buffer, start, pos - start);
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}

package io.doorman.ingest.source;

import io.doorman.ingest.RawMail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams the messages of an mbox, one at a time, never holding the file: a message starts at a
 * {@code From } line (at the start of the file or after an empty line), and {@code >From } lines
 * lose one {@code >} (mboxrd, which also undoes mboxo's quoting). A message over the size limit is
 * skipped, not buffered, and reported as a problem; so is a line longer than the limit, of which
 * only the first bytes are kept while the rest is read past, so memory stays bounded whatever the
 * file holds.
 */
final class MboxReader implements Iterator<SourceEntry> {

  private final InputStream in;
  private final String path;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int limit;
  private boolean eof;
  /** The current line: a slice of {@link #buffer}, or of {@link #carry} when it spans two reads. */
  private byte[] lineBytes;
  private int lineStart;
  private int lineLength;
  private final ByteArrayOutputStream carry = new ByteArrayOutputStream(256);
  private boolean fromLinePending;
  /** The message being read; one buffer for all of them, so each is copied out once. */
  private final Message message;
  private int index;
  private SourceEntry next;

  MboxReader(InputStream in, String path, int maxBytes) {
    this.in = in;
    this.path = path;
    this.maxBytes = maxBytes;
    this.message = new Message(maxBytes);
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
      if (!fromLinePending) {
        boolean found = false;
        while (!found && readLine()) {
          found = isFromLine();
        }
        if (!found) {
          return null;
        }
      }
      fromLinePending = false;
      message.clear();
      boolean previousBlank = true;
      while (readLine()) {
        if (previousBlank && isFromLine()) {
          fromLinePending = true;
          break;
        }
        previousBlank = isBlank();
        int skip = quotedFrom() ? 1 : 0;
        message.add(lineBytes, lineStart + skip, lineLength - skip);
      }
      String source = path + "#" + index++;
      if (message.tooBig()) {
        return new SourceEntry.Problem(
            source, "message is over the " + maxBytes / (1024 * 1024) + " MB limit; skipped");
      }
      return new SourceEntry.Mail(new RawMail(source, message.withoutSeparatorBlank()));
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  /** A message's bytes as they are read; past the limit only counted, not kept. */
  private static final class Message {
    private static final int USUAL_SIZE = 64 * 1024;
    private final int maxBytes;
    private byte[] bytes = new byte[USUAL_SIZE];
    private int size;
    private boolean tooBig;

    Message(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    /** Ready for the next message; a buffer grown for a big one is let go. */
    void clear() {
      if (bytes.length > USUAL_SIZE) {
        bytes = new byte[USUAL_SIZE];
      }
      size = 0;
      tooBig = false;
    }

    void add(byte[] from, int offset, int length) {
      if (tooBig) {
        return;
      }
      if (size + length > maxBytes) {
        tooBig = true;
        return;
      }
      if (size + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + length, Math.min(maxBytes, bytes.length * 2)));
      }
      System.arraycopy(from, offset, bytes, size, length);
      size += length;
    }

    boolean tooBig() {
      return tooBig;
    }

    /** The empty line that separates mbox messages is not part of the message. */
    byte[] withoutSeparatorBlank() {
      int end = size;
      if (end >= 2 && bytes[end - 1] == '\n' && bytes[end - 2] == '\n') {
        end--;
      } else if (end >= 4 && bytes[end - 1] == '\n' && bytes[end - 2] == '\r' && bytes[end - 3] == '\n') {
        end -= 2;
      }
      return Arrays.copyOf(bytes, end);
    }
  }

  /** Whether these bytes start with an mbox separator, {@code From }. */
  static boolean isFromLine(byte[] l) {
    return startsWithFrom(l, 0, l.length);
  }

  private boolean isFromLine() {
    return startsWithFrom(lineBytes, lineStart, lineStart + lineLength);
  }

  /** Whether {@code l[i, end)} starts with {@code From }. */
  private static boolean startsWithFrom(byte[] l, int i, int end) {
    return end - i >= 5 && l[i] == 'F' && l[i + 1] == 'r' && l[i + 2] == 'o' && l[i + 3] == 'm' && l[i + 4] == ' ';
  }

  private boolean quotedFrom() {
    int i = lineStart;
    int end = lineStart + lineLength;
    while (i < end && lineBytes[i] == '>') {
      i++;
    }
    return i > lineStart && startsWithFrom(lineBytes, i, end);
  }

  private boolean isBlank() {
    byte[] l = lineBytes;
    int s = lineStart;
    return lineLength == 0
        || (lineLength == 1 && l[s] == '\n')
        || (lineLength == 2 && l[s] == '\r' && l[s + 1] == '\n');
  }

  /**
   * Moves to the next line, with its line ending; false at the end of input. A line inside the
   * buffer is not copied; one that spans two reads is gathered in {@link #carry}, up to one byte
   * more than a message may hold (enough to tell it is too long, and to see how it starts).
   */
  private boolean readLine() throws IOException {
    carry.reset();
    boolean any = false;
    while (true) {
      if (pos == limit && (eof || !fill())) {
        return any && carried();
      }
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      boolean ends = pos < limit;
      if (ends) {
        pos++;
      }
      if (!any && ends) {
        lineBytes = buffer;
        lineStart = start;
        lineLength = pos - start;
        return true;
      }
      any = true;
      int room = maxBytes + 1 - carry.size();
      if (room > 0) {
        carry.write(buffer, start, Math.min(room, pos - start));
      }
      if (ends) {
        return carried();
      }
    }
  }

  private boolean carried() {
    lineBytes = carry.toByteArray();
    lineStart = 0;
    lineLength = lineBytes.length;
    return true;
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

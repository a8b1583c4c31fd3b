package io.doorman.ingest.source;

import io.doorman.ingest.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Run in a JVM of its own by {@link HugeMboxLineTest}: an mbox stream whose first message holds one
 * line of {@code args[0]} megabytes, made on the fly (never held), then a normal message. Prints
 * each entry: "problem SOURCE: REASON" or "mail SOURCE SUBJECT".
 */
public final class HugeLineProbe {

  public static void main(String[] args) {
    long megabytes = Long.parseLong(args[0]);
    InputStream in =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(
                    text("From a@example.com Mon Nov 16 09:00:00 2026\nSubject: huge\n\n"),
                    new Repeated((byte) 'x', megabytes * 1024 * 1024),
                    text("\n\nFrom b@example.com Mon Nov 16 09:01:00 2026\nSubject: after the huge one\n\nhello\n"))));
    MboxReader reader = new MboxReader(in, "huge.mbox", Limits.DEFAULTS.maxMessageBytes());
    while (reader.hasNext()) {
      SourceEntry e = reader.next();
      if (e instanceof SourceEntry.Problem p) {
        System.out.println("problem " + p.source() + ": " + p.reason());
      } else {
        String mail = new String(((SourceEntry.Mail) e).mail().bytes(), StandardCharsets.UTF_8);
        System.out.println("mail " + ((SourceEntry.Mail) e).mail().source() + " " + mail.lines().filter(l -> l.startsWith("Subject:")).findFirst().orElse(""));
      }
    }
  }

  private static InputStream text(String s) {
    return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code count} copies of one byte, produced as they are read. */
  private static final class Repeated extends InputStream {
    private final byte value;
    private long left;

    Repeated(byte value, long count) {
      this.value = value;
      this.left = count;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return value;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, value);
      left -= n;
      return n;
    }
  }
}

package io.doorman.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.Limits;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxSourceTest {

  @TempDir Path dir;

  static List<SourceEntry> read(Path file, Limits limits) {
    try (Stream<SourceEntry> s = MailSources.open(file.toString(), InputStream.nullInputStream(), limits)) {
      return s.toList();
    }
  }

  static String text(SourceEntry e) {
    return new String(assertInstanceOf(SourceEntry.Mail.class, e).mail().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void splitsAtFromLinesNumbersFromZeroAndUndoesFromQuoting() throws Exception {
    Path mbox =
        Files.writeString(
            dir.resolve("box.mbox"),
            """
            From a@example.com Mon Nov 16 09:00:00 2026
            From: a@example.com
            Subject: one

            >From the start, mboxrd quoted this line.
            >>From here, one > less.

            From b@example.com Mon Nov 16 10:00:00 2026
            From: b@example.com
            Subject: two

            second body
            """);

    List<SourceEntry> entries = read(mbox, Limits.DEFAULTS);

    assertEquals(2, entries.size());
    assertEquals(mbox + "#0", ((SourceEntry.Mail) entries.get(0)).mail().source());
    assertEquals(mbox + "#1", ((SourceEntry.Mail) entries.get(1)).mail().source());
    assertEquals(
        "From: a@example.com\nSubject: one\n\nFrom the start, mboxrd quoted this line.\n>From here, one > less.\n",
        text(entries.get(0)),
        "the separating empty line is not part of the message");
    assertEquals("From: b@example.com\nSubject: two\n\nsecond body\n", text(entries.get(1)));
  }

  @Test
  void readsMessagesWhoseLinesAndSeparatorsStraddleTheReadBuffer() throws Exception {
    // Bodies of many lengths, one line longer than the 64 KiB read buffer: every kind of line
    // (separator, quoted From, blank, body) lands across a buffer boundary somewhere.
    StringBuilder mbox = new StringBuilder();
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String body = "line " + i + " " + "y".repeat(i * 37 % 1500) + "\n>From quoted " + i + "\n"
          + (i == 150 ? "z".repeat(70_000) + "\n" : "");
      mbox.append("From m").append(i).append(" Mon Nov 16 09:00:00 2026\n")
          .append("Subject: ").append(i).append("\n\n").append(body).append("\n");
      expected.add("Subject: " + i + "\n\n" + body.replace(">From quoted", "From quoted"));
    }
    Path file = Files.writeString(dir.resolve("long.mbox"), mbox);

    List<String> read = read(file, Limits.DEFAULTS).stream().map(MboxSourceTest::text).toList();

    assertEquals(expected, read);
  }

  @Test
  void readsCrlfMboxes() throws Exception {
    Path mbox =
        Files.writeString(
            dir.resolve("crlf.mbox"),
            "From x Mon Nov 16 09:00:00 2026\r\nSubject: a\r\n\r\nbody a\r\n\r\n"
                + "From y Mon Nov 16 09:00:00 2026\r\nSubject: b\r\n\r\nbody b\r\n");

    List<SourceEntry> entries = read(mbox, Limits.DEFAULTS);

    assertEquals(2, entries.size());
    assertEquals("Subject: a\r\n\r\nbody a\r\n", text(entries.get(0)));
  }

  @Test
  void skipsAMessageOverTheSizeLimitAndReadsTheNext() throws Exception {
    Path mbox =
        Files.writeString(
            dir.resolve("big.mbox"),
            "From x Mon Nov 16 09:00:00 2026\nSubject: big\n\n" + "x".repeat(2000) + "\n\n"
                + "From y Mon Nov 16 09:00:00 2026\nSubject: small\n\nok\n");

    List<SourceEntry> entries = read(mbox, new Limits(1000, 10, 100, 64 * 1024, 16 * 1024));

    SourceEntry.Problem problem = assertInstanceOf(SourceEntry.Problem.class, entries.get(0));
    assertEquals(mbox + "#0", problem.source());
    assertTrue(problem.reason().contains("limit"), problem.reason());
    assertEquals("Subject: small\n\nok\n", text(entries.get(1)));
  }

  @Test
  void aFileThatDoesNotStartWithFromIsOneMessage() throws Exception {
    Path eml = Files.writeString(dir.resolve("one.eml"), "Subject: x\n\nFrom here on, text.\n");

    List<SourceEntry> entries = read(eml, Limits.DEFAULTS);

    assertEquals(1, entries.size());
    assertEquals(eml.toString(), ((SourceEntry.Mail) entries.get(0)).mail().source());
  }
}

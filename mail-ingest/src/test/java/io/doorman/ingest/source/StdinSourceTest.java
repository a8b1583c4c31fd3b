package io.doorman.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StdinSourceTest {

  private static List<SourceEntry> stdin(String text) {
    try (Stream<SourceEntry> s =
        MailSources.open("-", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      return s.toList();
    }
  }

  @Test
  void readsOneMessageFromStandardInput() {
    List<SourceEntry> entries = stdin("Subject: piped\n\nbody\n");

    assertEquals(1, entries.size());
    assertEquals("-", ((SourceEntry.Mail) entries.get(0)).mail().source());
  }

  @Test
  void readsAnMboxFromStandardInput() {
    List<SourceEntry> entries =
        stdin("From a Mon Nov 16 09:00:00 2026\nSubject: 1\n\nx\n\nFrom b Mon Nov 16 09:00:00 2026\nSubject: 2\n\ny\n");

    assertEquals(2, entries.size());
    assertEquals("-#1", ((SourceEntry.Mail) entries.get(1)).mail().source());
  }
}

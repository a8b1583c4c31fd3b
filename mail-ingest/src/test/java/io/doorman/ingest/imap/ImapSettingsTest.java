package io.doorman.ingest.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImapSettingsTest {

  private static Optional<ImapSettings> read(Map<String, String> m) {
    return ImapSettings.from(k -> Optional.ofNullable(m.get(k)));
  }

  @Test
  void offWithoutHostAndTheAgreedDefaultsOtherwise() {
    assertTrue(read(Map.of()).isEmpty());
    ImapSettings s = read(Map.of("imap.host", "imap.gmail.com", "imap.user", "d@example.com", "imap.password", "pw"))
        .orElseThrow();
    assertEquals(993, s.port());
    assertEquals(io.doorman.ingest.tls.TlsMode.IMPLICIT, s.tls());
    assertEquals("INBOX", s.folder());
    assertEquals("Doorman/Processed", s.processedFolder());
    assertEquals("Doorman/Review", s.reviewFolder());
    assertEquals(ImapSettings.Mark.MOVE, s.mark());
    assertTrue(s.idleRenew().compareTo(Duration.ofMinutes(29)) < 0, "IDLE re-issued before 29 minutes");
    assertFalse(s.toString().contains("pw]"), s.toString());
    assertEquals("d@example.com@imap.gmail.com:993/INBOX", s.mailbox());
  }

  @Test
  void oauthTokenWinsOverThePasswordAndTheCommandRunsAtEachConnect() throws Exception {
    ImapSettings s = read(Map.of("imap.host", "h", "imap.user", "u", "imap.password", "pw",
        "imap.oauth-token-command", "echo tok-1")).orElseThrow();
    ImapSettings.OAuth2 oauth = assertInstanceOf(ImapSettings.OAuth2.class, s.auth());
    assertEquals("tok-1", oauth.tokens().token());
    assertThrows(IOException.class, () -> TokenSource.command("exit 3").token());
    assertThrows(IOException.class, () -> TokenSource.command("true").token());
  }

  @Test
  void badValuesNameTheirKey() {
    for (Map<String, String> bad : List.of(
        Map.of("imap.host", "h", "imap.password", "pw"),
        Map.of("imap.host", "h", "imap.user", "u"),
        Map.of("imap.host", "h", "imap.user", "u", "imap.password", "pw", "imap.mark", "delete"),
        Map.of("imap.host", "h", "imap.user", "u", "imap.password", "pw", "imap.port", "x"),
        Map.of("imap.host", "h", "imap.user", "u", "imap.password", "pw", "imap.tls", "maybe"))) {
      String message = assertThrows(IllegalArgumentException.class, () -> read(bad)).getMessage();
      assertTrue(message.startsWith("imap"), message);
    }
  }

  @Test
  void backoffDoublesUpToItsCap() {
    Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      seen.append(b.next().toSeconds()).append(' ');
    }
    assertEquals("1 2 4 8 16 32 60 60 60 ", seen.toString());
    b.reset();
    assertEquals(Duration.ofSeconds(1), b.next());
  }
}

package io.doorman.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.email.smtp.SmtpSettings;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailSettingsTest {

  @TempDir Path dir;

  private Optional<EmailSettings> read(Map<String, String> values) {
    Map<String, String> m = new HashMap<>(values);
    m.putIfAbsent("data.dir", dir.toString());
    return EmailSettings.from(k -> Optional.ofNullable(m.get(k)));
  }

  @Test
  void offWithoutSmtpHost() {
    assertTrue(read(Map.of()).isEmpty());
  }

  @Test
  void readsTheAgreedKeysWithTheirDefaults() {
    EmailSettings s = read(Map.of("smtp.host", "smtp.example.com", "smtp.from", "doorman@example.com",
        "smtp.user", "doorman", "smtp.password", "hunter2", "email.allow", "alex@example.com, @team.example")).orElseThrow();
    assertEquals(587, s.smtp().port());
    assertEquals(SmtpSettings.Security.STARTTLS, s.smtp().security());
    assertEquals(Optional.of(LocalTime.of(8, 0)), s.digestAt());
    assertEquals(32, s.replySecret().length, "generated under data.dir");
    Allowlist allow = new Allowlist(s.allow());
    assertTrue(allow.permits("Alex@example.com"));
    assertTrue(allow.permits("anyone@team.example"));
    assertFalse(allow.permits("anyone@sub.team.example"));
    assertFalse(allow.permits("mallory@example.com"));
    assertEquals(List.of("alex@example.com"), allow.addresses());
    assertFalse(s.toString().contains("hunter2"), s.toString());
  }

  @Test
  void anEmptyDigestTimeTurnsTheDigestOffAndBadValuesNameTheirKey() {
    Map<String, String> base = Map.of("smtp.host", "h", "smtp.from", "doorman@example.com");
    Map<String, String> off = new HashMap<>(base);
    off.put("email.digest-at", "");
    assertEquals(Optional.empty(), read(off).orElseThrow().digestAt());
    Map<String, String> bad = new HashMap<>(base);
    bad.put("smtp.tls", "ssl");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> read(bad)).getMessage().startsWith("smtp.tls:"));
    Map<String, String> noFrom = Map.of("smtp.host", "h");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> read(noFrom)).getMessage().startsWith("smtp.from:"));
    Map<String, String> badTime = new HashMap<>(base);
    badTime.put("email.digest-at", "8am");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> read(badTime)).getMessage()
        .startsWith("email.digest-at:"));
  }
}

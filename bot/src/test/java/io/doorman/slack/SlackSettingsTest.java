package io.doorman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  private static Optional<SlackSettings> from(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return SlackSettings.from(k -> Optional.ofNullable(m.get(k)));
  }

  @Test
  void slackIsOffWithoutTokenAndSecret() {
    assertEquals(Optional.empty(), from());
    assertEquals(Optional.empty(), from("slack.channel", "C1", "slack.bot-token", " "));
  }

  @Test
  void badValuesAreRefusedNamingTheirKey() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> from("slack.bot-token", "xoxb-1"))
        .getMessage().contains("slack.signing-secret"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> from("slack.bot-token", "xoxp-1", "slack.signing-secret", "s", "slack.channel", "C1"))
        .getMessage().contains("slack.bot-token"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> from("slack.bot-token", "xoxb-1", "slack.signing-secret", "s", "slack.channel", "C1", "slack.decide", "boss"))
        .getMessage().contains("slack.decide: 'boss'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> from("slack.bot-token", "xoxb-1", "slack.signing-secret", "s", "slack.teams", "C1"))
        .getMessage().contains("slack.teams: 'C1'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> from("slack.bot-token", "xoxb-1", "slack.signing-secret", "s"))
        .getMessage().contains("slack.channel or slack.teams"));
  }

  @Test
  void readsTeamsDecideAndSocketModeAndMasksSecrets() {
    SlackSettings s = from("slack.bot-token", "xoxb-secret-1", "slack.signing-secret", "shh", "slack.app-token",
        "xapp-secret-2", "slack.teams", "C1=Sam Lee, sue@example.com ;C2=Alex", "slack.decide", "Recipient",
        "slack.api-url", "http://127.0.0.1:9/api").orElseThrow();
    assertEquals(Map.of("C1", List.of("Sam Lee", "sue@example.com"), "C2", List.of("Alex")), s.teams());
    assertEquals(SlackSettings.Decide.RECIPIENT, s.decide());
    assertTrue(s.socketMode());
    assertEquals("http://127.0.0.1:9/api/", s.apiUrl());
    assertFalse(s.toString().contains("secret") || s.toString().contains("shh"), s.toString());
  }
}

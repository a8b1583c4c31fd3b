package io.doorman.slack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting checks the bot token with Slack, so a wrong one is reported at once, by its key. */
class StartTest {

  @TempDir Path dir;

  @Test
  void aTokenSlackRefusesStopsTheStartNamingTheSetting() throws Exception {
    try (SlackHarness h = new SlackHarness(dir, Set.of(SlackHarness.CHANNEL),
        Map.of("slack.channel", SlackHarness.CHANNEL, "slack.bot-token", "xoxb-revoked"))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, h.app::start);
      assertTrue(e.getMessage().startsWith("Slack refused slack.bot-token (invalid_auth)"), e.getMessage());
      assertTrue(!e.getMessage().contains("xoxb-revoked"), "the token itself is never shown");
    }
  }

  @Test
  void aGoodTokenStarts() throws Exception {
    try (SlackHarness h = new SlackHarness(dir)) {
      h.app.start();
      h.slack.await("auth.test", 1);
    }
  }
}

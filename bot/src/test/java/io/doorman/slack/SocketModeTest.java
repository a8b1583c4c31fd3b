package io.doorman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code slack.app-token}, starting the app opens a Socket Mode connection: it asks Slack for
 * the WebSocket URL with the app token. (No WebSocket server here: the connection is refused and
 * Slack's client keeps trying in the background until the app closes.)
 */
class SocketModeTest {

  @TempDir Path dir;

  @Test
  void anAppTokenMakesStartOpenASocketModeConnection() throws Exception {
    try (SlackHarness h = new SlackHarness(dir, Set.of(SlackHarness.CHANNEL),
        Map.of("slack.channel", SlackHarness.CHANNEL, "slack.app-token", FakeSlackApi.APP_TOKEN))) {
      assertTimeoutPreemptively(Duration.ofSeconds(30), h.app::start);
      FakeSlackApi.Call open = h.slack.await("apps.connections.open", 1).get(0);
      assertEquals("apps.connections.open", open.method());
    }
  }
}

package io.doorman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The app manifest creates an app that can reach everything Doorman serves. */
class ManifestTest {

  @Test
  @SuppressWarnings("unchecked")
  void theManifestPointsEventsInteractivityAndTheCommandAtSlackEvents() throws Exception {
    String text = Files.readString(Path.of("..", "slack", "manifest.yml"));
    Map<String, Object> m = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    Map<String, Object> settings = (Map<String, Object>) m.get("settings");
    Map<String, Object> events = (Map<String, Object>) settings.get("event_subscriptions");
    Map<String, Object> interactivity = (Map<String, Object>) settings.get("interactivity");
    Map<String, Object> features = (Map<String, Object>) m.get("features");
    Map<String, Object> command = ((List<Map<String, Object>>) features.get("slash_commands")).get(0);

    assertEquals("https://YOUR-HOST/slack/events", events.get("request_url"));
    assertEquals("https://YOUR-HOST/slack/events", interactivity.get("request_url"));
    assertEquals("https://YOUR-HOST/slack/events", command.get("url"));
    assertEquals(Home.COMMAND, command.get("command"));
    assertTrue(((List<String>) events.get("bot_events")).contains("app_home_opened"));
    List<String> scopes = (List<String>) ((Map<String, Object>) ((Map<String, Object>) m.get("oauth_config"))
        .get("scopes")).get("bot");
    assertTrue(scopes.containsAll(List.of("chat:write", "commands", "channels:read", "groups:read", "users:read")),
        scopes.toString());
  }
}

package io.doorman.slack;

import static io.doorman.slack.SlackHarness.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The App Home tab and {@code /doorman status|who|help}, through the real endpoint. */
class HomeAndCommandTest {

  @TempDir Path dir;
  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness(dir);
    long marco = h.ingestInvitation("Marco Bellini", "Alex Morgan", "We met at the <!channel> meetup", "9001");
    h.ingestInvitation("Jane Doe", "Alex Morgan", "", "9002");
    long dana = h.ingestInvitation("Dana Voss", "Alex Morgan", "", "9003");
    h.decide(marco, Decision.ASK, Actor.console("alex"));
    h.decide(dana, Decision.DECLINE, Actor.console("alex"));
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  /** The ephemeral text of the command's answer. */
  private String answer(String text) throws Exception {
    HttpResponse<String> r = command(text);
    assertEquals(200, r.statusCode(), r.body());
    return com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject().get("text").getAsString();
  }

  private HttpResponse<String> command(String text) throws Exception {
    String body = "token=legacy&team_id=T0TEST&team_domain=doorman-test&channel_id=" + CHANNEL
        + "&channel_name=screening&user_id=U0ALICE&user_name=alice&command=" + URLEncoder.encode("/doorman", StandardCharsets.UTF_8)
        + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url=" + URLEncoder.encode("https://hooks.slack.com/commands/T0TEST/1/x", StandardCharsets.UTF_8)
        + "&trigger_id=1.2.3";
    return h.post(body, "application/x-www-form-urlencoded");
  }

  @Test
  void openingTheAppHomePublishesCountsAndTheOldestWaiting() throws Exception {
    JsonObject event = SlackHarness.object("type", "app_home_opened", "user", "U0ALICE", "channel", "D0HOME",
        "tab", "home", "event_ts", "1700000000.1");
    JsonObject envelope = SlackHarness.object("token", "legacy", "team_id", "T0TEST", "api_app_id", "A0DOORMAN",
        "type", "event_callback", "event_id", "Ev0HOME1", "event_time", "1700000000");
    envelope.add("event", event);
    assertEquals(200, h.post(envelope.toString(), "application/json").statusCode());

    FakeSlackApi.Call publish = h.slack.await("views.publish", 1).get(0);
    assertEquals("U0ALICE", publish.param("user_id"));
    String text = publish.allText();
    assertTrue(text.contains("*1* pending · *1* asked"), text);
    assertTrue(text.contains("*1* declined"), text);
    assertTrue(text.contains("*Jane Doe*"), text);
  }

  @Test
  void slashCommandStatusWhoAndHelpAnswerOnlyWhoeverAsked() throws Exception {
    String status = answer("status");
    assertTrue(status.contains("*1* pending"), status);

    String who = answer("who marco");
    assertTrue(who.contains("*Marco Bellini*"), who);
    assertTrue(who.contains("asked by alex"), who);
    assertTrue(who.contains("We met at the &lt;!channel&gt; meetup"), "notes stay escaped: " + who);

    assertTrue(answer("help").contains("/doorman who NAME"));
    assertTrue(answer("who nobody-at-all").contains("Nobody called nobody-at-all"));
  }
}

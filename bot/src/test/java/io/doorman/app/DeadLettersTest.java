package io.doorman.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.config.Configuration;
import io.doorman.ingest.RawMail;
import io.doorman.mail.Mailboxes;
import io.doorman.mail.RefusingSmtp;
import io.doorman.slack.FakeSlackApi;
import io.doorman.testing.Emails;
import io.doorman.testing.Eventually;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fails for good is parked as dead, never retried forever, and shows where an operator looks:
 * the console (with Retry and Dismiss), {@code /metrics} ({@code doorman_outbox_dead_total{kind}},
 * {@code doorman_outbox_pending}) and {@code /readyz}. Against real peers: the fake Slack Web API
 * answering {@code channel_not_found}, {@code invalid_auth} and {@code token_revoked}, an SMTP
 * server answering 550.
 */
class DeadLettersTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Pattern ROW = Pattern.compile("name=\"id\" value=\"(\\d+)\"><input type=\"hidden\" name=\"action\""
      + " value=\"retry\"><input type=\"hidden\" name=\"tab\" value=\"pending\"><input type=\"hidden\" name=\"csrf\""
      + " value=\"([0-9a-f]+)\"");

  @TempDir Path dir;
  private FakeSlackApi slack;
  private RefusingSmtp smtp;
  private Doorman doorman;
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();

  @AfterEach
  void stop() throws Exception {
    if (doorman != null) {
      doorman.close();
    }
    if (slack != null) {
      slack.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  private void start(Map<String, String> extra) throws Exception {
    Map<String, String> settings = new HashMap<>(Map.of("data.dir", dir.resolve("data").toString(),
        "inbox.dir", dir.resolve("inbox").toString(), "http.port", "0"));
    settings.putAll(extra);
    doorman = Doorman.build(Configuration.of(settings), Clock.systemUTC(),
        new Doorman.Timing(Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofMillis(100)));
    doorman.start();
  }

  private Map<String, String> slackTo(String channel) throws Exception {
    slack = new FakeSlackApi(Set.of("C0TEAM"));
    return Map.of("slack.bot-token", FakeSlackApi.TOKEN, "slack.signing-secret", "8f742231b10e8888abcd99yyyzzz85a5",
        "slack.channel", channel, "slack.api-url", slack.url());
  }

  private void ingest(int n) throws Exception {
    doorman.intake().take(new RawMail("dead.eml", Emails.invitation(n).getBytes(UTF_8)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(doorman.consoleUri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCardForAChannelThatIsGoneIsDeadAndShowsInTheConsoleMetricsAndReadiness() throws Exception {
    start(slackTo("C0GONE"));
    ingest(1);
    Eventually.within(DEADLINE, "the card parked as dead", () -> doorman.outbox().dead() == 1);
    int tried = slack.calls("chat.postMessage").size();

    HttpResponse<String> ready = get("/readyz");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("1 dead letter (latest slack.post: Slack: channel_not_found"), ready.body());
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("doorman_outbox_dead_total{kind=\"slack.post\"} 1"), metrics);
    assertTrue(metrics.contains("doorman_outbox_pending 0"), metrics);
    String console = get("/").body();
    assertTrue(console.contains("Not delivered") && console.contains("channel_not_found"), console);

    assertEquals(tried, slack.calls("chat.postMessage").size(), "never tried again by itself");

    Matcher retry = ROW.matcher(console);
    assertTrue(retry.find(), console);
    String form = "id=" + retry.group(1) + "&action=dismiss&tab=pending&csrf=" + URLEncoder.encode(retry.group(2), UTF_8);
    http.send(HttpRequest.newBuilder(doorman.consoleUri().resolve("/outbox"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(0, doorman.outbox().dead());
    assertEquals(200, get("/readyz").statusCode(), "dismissed: ready again");
  }

  @Test
  void aRevokedOrRefusedTokenParksTheCardAndStopsSlackUntilTheLetterIsRetried() throws Exception {
    for (String error : new String[] {"token_revoked", "invalid_auth"}) {
      Map<String, String> config = slackTo("C0TEAM");
      slack.fail("chat.postMessage", error);
      start(config);
      ingest(10);
      ingest(11);
      Eventually.within(DEADLINE, "the first card parked as dead", () -> doorman.outbox().dead() == 1);
      assertEquals(1, slack.calls("chat.postMessage").size(), error + ": tried once, then Slack is stopped");
      assertEquals(1, doorman.outbox().pending(), "the second card waits, it is not burnt through");
      assertTrue(get("/readyz").body().contains("Slack refused slack.bot-token: " + error), get("/readyz").body());

      slack.heal("chat.postMessage"); // the operator fixed the token
      Matcher retry = ROW.matcher(get("/").body());
      assertTrue(retry.find());
      String form = "id=" + retry.group(1) + "&action=retry&tab=pending&csrf=" + retry.group(2);
      http.send(HttpRequest.newBuilder(doorman.consoleUri().resolve("/outbox"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      Eventually.within(DEADLINE, "both cards posted", () -> doorman.outbox().pending() == 0
          && slack.messages().size() == 2);
      assertEquals(200, get("/readyz").statusCode());
      doorman.close();
      doorman = null;
      slack.close();
      slack = null;
      dir = dir.resolve("again");
    }
  }

  @Test
  void aVerdictTheMailServerRefusesWithA5xxIsDeadAndNotTriedAgain() throws Exception {
    smtp = new RefusingSmtp("550 5.1.1 no such user");
    Mailboxes mail = new Mailboxes(); // IMAP in, the refusing server out
    try {
      start(Map.of("imap.host", "127.0.0.1", "imap.port", String.valueOf(mail.imapPort()), "imap.tls", "false",
          "imap.user", Mailboxes.DOORMAN, "imap.password", Mailboxes.PASSWORD,
          "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(smtp.port()), "smtp.tls", "none",
          "smtp.from", Mailboxes.DOORMAN, "email.allow", "@example.com"));
      mail.forwardAsAttachment(Mailboxes.ALICE, Mailboxes.sample("03-invitation-sales-pitch.eml", 0));
      Eventually.within(DEADLINE, "the verdict parked as dead", () -> doorman.outbox().dead() == 1);
      assertEquals(1, smtp.refused());
      assertTrue(get("/metrics").body().contains("doorman_outbox_dead_total{kind=\"email.verdict\"} 1"));
      assertTrue(get("/readyz").body().contains("550 5.1.1 no such user"), get("/readyz").body());
    } finally {
      mail.close();
    }
  }
}

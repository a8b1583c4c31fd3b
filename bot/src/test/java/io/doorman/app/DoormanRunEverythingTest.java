package io.doorman.app;

import io.doorman.testing.All;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.config.Configuration;
import io.doorman.mail.Mailboxes;
import io.doorman.slack.FakeSlackApi;
import io.doorman.store.StoredInvitation;
import io.doorman.testing.Eventually;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doorman run} with every part configured against real peers on loopback: an invitation
 * forwarded to the IMAP mailbox (GreenMail) is stored, its card is posted to Slack (the fake Web
 * API, through Slack's real client), and the forwarder gets the verdict by email (GreenMail SMTP).
 */
class DoormanRunEverythingTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Doorman.Timing FAST =
      new Doorman.Timing(Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofMillis(100));

  @TempDir Path dir;
  private final Mailboxes mail = new Mailboxes();
  private FakeSlackApi slack;
  private Doorman doorman;

  @AfterEach
  void stop() {
    if (doorman != null) {
      doorman.close();
    }
    if (slack != null) {
      slack.close();
    }
    mail.close();
  }

  /** Doorman with Slack, IMAP and SMTP all on, against this test's peers; started. */
  private List<String> startWithEverything() throws Exception {
    slack = new FakeSlackApi(Set.of("C0TEAM"));
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        "data.dir", dir.resolve("data").toString(),
        "inbox.dir", dir.resolve("inbox").toString(),
        "http.port", "0"));
    settings.putAll(Map.of(
        "slack.bot-token", FakeSlackApi.TOKEN,
        "slack.signing-secret", "8f742231b10e8888abcd99yyyzzz85a5",
        "slack.channel", "C0TEAM",
        "slack.api-url", slack.url()));
    settings.putAll(Map.of(
        "imap.host", "127.0.0.1",
        "imap.port", String.valueOf(mail.imapPort()),
        "imap.tls", "false",
        "imap.user", Mailboxes.DOORMAN,
        "imap.password", Mailboxes.PASSWORD,
        "smtp.host", "127.0.0.1",
        "smtp.port", String.valueOf(mail.smtpPort()),
        "smtp.tls", "none",
        "smtp.from", Mailboxes.DOORMAN,
        "email.allow", "@example.com"));
    doorman = Doorman.build(Configuration.of(settings), Clock.systemUTC(), FAST);
    return doorman.start();
  }

  @Test
  void aForwardedInvitationIsStoredPostedToSlackAndAnsweredByEmail() throws Exception {
    List<String> where = startWithEverything();
    assertTrue(where.stream().anyMatch(l -> l.startsWith("slack: ")), where.toString());
    assertTrue(where.stream().anyMatch(l -> l.startsWith("imap: ")), where.toString());

    mail.forwardAsAttachment(Mailboxes.ALICE, Mailboxes.sample("01-invitation-met-at-meetup.eml", 1));

    Eventually.within(DEADLINE, "the invitation stored", () -> All.invitations(doorman.store()).size() == 1);
    StoredInvitation stored = All.invitations(doorman.store()).get(0);
    slack.await(DEADLINE, calls -> calls.stream().anyMatch(c -> c.method().equals("chat.postMessage")));
    assertTrue(slack.messages().stream().anyMatch(m -> m.channel().equals("C0TEAM") && m.blocks().contains(stored.senderName())),
        "the card names the sender: " + slack.messages());
    Eventually.within(DEADLINE, "the verdict emailed to the forwarder", () -> !mail.inboxOf(Mailboxes.ALICE).isEmpty());
    assertTrue(mail.inboxOf(Mailboxes.ALICE).get(0).text().contains(stored.senderName()),
        mail.inboxOf(Mailboxes.ALICE).get(0).text());

    HttpResponse<String> ready = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(doorman.consoleUri().resolve("/readyz")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("imap") && ready.body().contains("slack"), ready.body());

    HttpResponse<String> metrics = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(doorman.consoleUri().resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(metrics.body().contains("doorman_slack_api_seconds_count{method=\"chat.postMessage\"}"),
        "Slack calls are timed: " + metrics.body());
  }

  @Test
  void gmailsForwardingConfirmationCodeIsPostedForTheAdminsWithoutItsLink() throws Exception {
    startWithEverything();
    mail.sendText(Mailboxes.GMAIL_CONFIRMATION_FROM, Mailboxes.DOORMAN, Mailboxes.GMAIL_CONFIRMATION_SUBJECT,
        Mailboxes.GMAIL_CONFIRMATION_BODY, Mailboxes.DOORMAN);

    slack.await(DEADLINE, calls -> calls.stream().anyMatch(c -> c.method().equals("chat.postMessage")
        && c.allText().contains("871234567")));
    FakeSlackApi.Call notice = slack.calls("chat.postMessage").stream()
        .filter(c -> c.allText().contains("871234567")).findFirst().orElseThrow();
    assertEquals("C0TEAM", notice.param("channel"));
    assertTrue(notice.allText().contains("alice@gmail.com"), notice.allText());
    assertTrue(!notice.allText().contains("mail-settings.google.com"), "no link to click: " + notice.allText());
    assertEquals(0, All.invitations(doorman.store()).size(), "a confirmation is no invitation");
  }
}

package io.doorman.app;

import io.doorman.testing.All;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.config.Configuration;
import io.doorman.email.token.ReplyTokens;
import io.doorman.ingest.RawMail;
import io.doorman.intake.Stored;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.State;
import io.doorman.mail.Mailboxes;
import io.doorman.slack.FakeSlackApi;
import io.doorman.slack.SlackHarness;
import io.doorman.slack.cards.ActionIds;
import io.doorman.slack.signing.SlackSignatureVerifier;
import io.doorman.store.AuditEntry;
import io.doorman.store.MutableClock;
import io.doorman.store.StoredInvitation;
import io.doorman.testing.Cli;
import io.doorman.testing.Eventually;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when 2 of issue 13: the same decision in the same state comes to the same outcome through
 * each of the four channels (a signed Slack request to the real endpoint, an answer by email through
 * GreenMail and the IMAP mailbox, a console form over HTTP, the command line), all on one {@code
 * doorman run}: Wait on an answered invitation is refused, an Ask stores the question as edited,
 * the question offered for an invitation to an address greets its recipient by the address's
 * first name, and each records who decided.
 */
class EveryChannelDecidesAlikeTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String SECRET = SlackHarness.SECRET;
  private static final String REPLY_SECRET = "0123456789abcdef0123456789abcdef";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
  private static final Pattern TEXTAREA = Pattern.compile("<textarea name=\"question\"[^>]*>([^<]*)</textarea>");

  /** The four ways in, and who each records as having decided. */
  enum Via {
    SLACK("@U0ALICE", "u0alice", "slack"),
    EMAIL(Mailboxes.ALICE, Mailboxes.ALICE, "email"),
    CONSOLE("alex-console", "alex-console", "console"),
    CLI("paul", "paul", "cli");

    final String id;
    final String name;
    final String channel;

    Via(String id, String name, String channel) {
      this.id = id;
      this.name = name;
      this.channel = channel;
    }
  }

  @TempDir Path dir;
  /** Starts at the real time: the command line decides by the system clock. */
  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  private final Mailboxes mail = new Mailboxes();
  private FakeSlackApi slack;
  private Doorman doorman;
  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
  private int emails;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi(Set.of("C0TEAM"));
    slack.members("C0TEAM", "U0ALICE");
    Map<String, String> settings = new HashMap<>(Map.of(
        "data.dir", dir.resolve("data").toString(),
        "inbox.dir", dir.resolve("inbox").toString(),
        "http.port", "0",
        "console.operator", "alex-console"));
    settings.putAll(Map.of(
        "slack.bot-token", FakeSlackApi.TOKEN, "slack.signing-secret", SECRET,
        "slack.channel", "C0TEAM", "slack.api-url", slack.url()));
    settings.putAll(Map.of(
        "imap.host", "127.0.0.1", "imap.port", String.valueOf(mail.imapPort()), "imap.tls", "false",
        "imap.user", Mailboxes.DOORMAN, "imap.password", Mailboxes.PASSWORD));
    settings.putAll(Map.of(
        "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(mail.smtpPort()), "smtp.tls", "none",
        "smtp.from", Mailboxes.DOORMAN, "email.allow", "@example.com", "email.reply-secret", REPLY_SECRET));
    doorman = Doorman.build(Configuration.of(settings), clock,
        new Doorman.Timing(Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofMillis(100)));
    doorman.start();
  }

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

  // ------------------------------------------------------------------ the same state, each time

  /** An invitation from {@code sender} to {@code recipient} (a name, or an address alone). */
  private static String invitation(int n, String sender, String recipient) {
    String to = recipient.contains("@") ? "<" + recipient + ">" : "\"" + recipient + "\" <paul@example.com>";
    String hello = recipient.contains("@") ? "Hello," : "Hi " + recipient.split(" ")[0] + ",";
    return """
        From: "%1$s via LinkedIn" <invitations@linkedin.com>
        To: %3$s
        Subject: %1$s wants to connect
        Message-ID: <every-channel-%2$d@linkedin.com>
        Content-Type: text/plain; charset=utf-8

        %4$s

        %1$s
        Engineer at Example %2$d
        2 mutual connections

        Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=%2$d&sharedKey=k%2$d
        View profile: https://www.linkedin.com/comm/in/person-%2$d
        """.formatted(sender, n, to, hello);
  }

  /**
   * An invitation as {@code via} gets it: forwarded by Alice to the mailbox for email (so she has
   * the verdict and its token), stored through the intake for the others.
   */
  private StoredInvitation arrives(Via via, String sender, String recipient) throws Exception {
    byte[] eml = invitation(9000 + emails++, sender, recipient).replace("\n", "\r\n").getBytes(UTF_8);
    if (via == Via.EMAIL) {
      int letters = mail.inboxOf(Mailboxes.ALICE).size();
      mail.forwardAsAttachment(Mailboxes.ALICE, eml);
      Eventually.within(DEADLINE, "the verdict to Alice", () -> mail.inboxOf(Mailboxes.ALICE).size() > letters);
      return All.invitations(doorman.store(), io.doorman.store.Filter.ALL.sender(sender)).get(0);
    }
    var taken = doorman.intake().take(new RawMail("every-channel.eml", eml));
    long id = ((Stored.InvitationStored) taken.stored().get(0)).invitationId();
    return doorman.store().find(id).orElseThrow();
  }

  private State state(long id) {
    return doorman.store().find(id).orElseThrow().state();
  }

  private List<AuditEntry> history(long id) {
    return doorman.store().history(id);
  }

  // ------------------------------------------------------------------ the four channels

  /** {@code via} makes {@code decision} on the invitation, with {@code question} for an Ask. */
  private void decide(Via via, long id, Decision decision, Optional<String> question) throws Exception {
    switch (via) {
      case SLACK -> slackDecides(id, decision, question);
      case EMAIL -> emailDecides(id, decision, question);
      case CONSOLE -> consoleDecides(id, decision, question);
      case CLI -> {
        List<String> args = new ArrayList<>(List.of("decide", "--data-dir", dir.resolve("data").toString(),
            Long.toString(id), decision.word(), "--by", "paul"));
        question.ifPresent(q -> args.addAll(List.of("--question", q)));
        Cli.run(args.toArray(String[]::new));
      }
    }
  }

  private HttpResponse<String> signed(String body) throws Exception {
    String ts = Long.toString(clock.instant().getEpochSecond());
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(doorman.consoleUri().resolve("/slack/events"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", new SlackSignatureVerifier(SECRET, clock).sign(ts, body.getBytes(UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void slackDecides(long id, Decision decision, Optional<String> question) throws Exception {
    if (decision == Decision.ASK) {
      String text = question.orElseGet(() -> shownBy(Via.SLACK, id));
      assertEquals(200, signed(SlackHarness.askSubmissionBody(id, "U0ALICE", text)).statusCode());
      return;
    }
    String action = switch (decision) {
      case ACCEPT -> ActionIds.ACCEPT;
      case DECLINE -> ActionIds.DECLINE;
      case WAIT -> ActionIds.WAIT;
      case ASK -> ActionIds.ASK;
    };
    assertEquals(200, signed(SlackHarness.clickBody(action, id, "U0ALICE", "C0TEAM")).statusCode());
  }

  private void emailDecides(long id, Decision decision, Optional<String> question) throws Exception {
    String token = new ReplyTokens(REPLY_SECRET.getBytes(UTF_8)).tokenFor(id, Mailboxes.ALICE);
    int letters = mail.inboxOf(Mailboxes.ALICE).size();
    String line = decision.word() + question.map(q -> ": " + q).orElse("");
    mail.sendText(Mailboxes.ALICE, "doorman+" + token + "@example.com", "Re: [doorman #" + id + " " + token + "]",
        line + "\n\n> the verdict\n", Mailboxes.DOORMAN);
    Eventually.within(DEADLINE, "the confirmation of '" + line + "'",
        () -> mail.inboxOf(Mailboxes.ALICE).size() > letters);
  }

  private void consoleDecides(long id, Decision decision, Optional<String> question) throws Exception {
    String tab = doorman.store().find(id).orElseThrow().state().name().toLowerCase().replace('_', '-');
    Matcher csrf = CSRF.matcher(get("/?state=" + tab));
    assertTrue(csrf.find());
    Map<String, String> form = new HashMap<>(Map.of("id", Long.toString(id), "action", decision.word(), "tab", tab,
        "csrf", csrf.group(1)));
    if (decision == Decision.ASK) {
      form.put("question", question.orElseGet(() -> shownBy(Via.CONSOLE, id)));
    }
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
        .collect(Collectors.joining("&"));
    browser.send(HttpRequest.newBuilder(doorman.consoleUri().resolve("/decide"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(doorman.consoleUri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The "Have we met?" that {@code via} offers for the invitation, before anyone edits it. */
  private String shownBy(Via via, long id) {
    try {
      switch (via) {
        case SLACK -> {
          int opened = slack.calls("views.open").size();
          assertEquals(200, signed(SlackHarness.clickBody(ActionIds.ASK, id, "U0ALICE", "C0TEAM")).statusCode());
          FakeSlackApi.Call open = slack.await("views.open", opened + 1).get(opened);
          return open.json("view").getAsJsonObject().getAsJsonArray("blocks").get(1).getAsJsonObject()
              .getAsJsonObject("element").get("initial_value").getAsString();
        }
        case EMAIL -> {
          List<Mailboxes.Received> letters = mail.inboxOf(Mailboxes.ALICE);
          String verdict = letters.get(letters.size() - 1).text();
          String after = verdict.substring(verdict.indexOf("send this on LinkedIn:") + "send this on LinkedIn:".length());
          return after.strip().lines().findFirst().orElseThrow().strip();
        }
        case CONSOLE -> {
          String page = get("/?state=pending");
          int card = page.indexOf("id=\"invitation-" + id + "\"");
          Matcher m = TEXTAREA.matcher(page);
          assertTrue(card >= 0 && m.find(card), "the console offers a question for " + id);
          return unescape(m.group(1));
        }
        case CLI -> {
          return "";
        }
        default -> throw new IllegalStateException();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String unescape(String html) {
    return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  // ------------------------------------------------------------------ the same outcomes

  @ParameterizedTest
  @EnumSource(Via.class)
  void waitOnAnAnsweredInvitationIsRefusedAndMovesNothing(Via via) throws Exception {
    StoredInvitation inv = arrives(via, "Jane Doe", "Paul Okafor");
    decide(via, inv.id(), Decision.ASK, Optional.of("Hi Jane, have we met?"));
    clock.advance(doorman.policy().followUpAfter().plusMinutes(5)); // the command line asked a moment later
    doorman.followUps().runDue(); // the nudge, with its Wait button, goes out
    assertEquals(State.FOLLOW_UP, state(inv.id()));
    byte[] answer = ("From: \"Jane Doe via LinkedIn\" <messages-noreply@linkedin.com>\r\n"
        + "To: \"Paul Okafor\" <paul@example.com>\r\nSubject: Jane Doe sent you a new message\r\n"
        + "Message-ID: <every-answer-" + via + "@linkedin.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Jane Doe sent you a new message:\r\n\r\nYes, we met at the Denver meetup.\r\n\r\n"
        + "View message: https://www.linkedin.com/messaging/thread/2-abc\r\n").getBytes(UTF_8);
    doorman.intake().take(new RawMail("answer.eml", answer));
    assertEquals(State.ANSWERED, state(inv.id()));
    int moves = history(inv.id()).size();

    decide(via, inv.id(), Decision.WAIT, Optional.empty()); // a click on the stale nudge, say

    assertEquals(State.ANSWERED, state(inv.id()), via + ": Wait is for follow-ups only");
    assertEquals(moves, history(inv.id()).size(), via + ": nothing recorded");
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void anAskStoresTheQuestionAsEditedAndWhoAsked(Via via) throws Exception {
    StoredInvitation inv = arrives(via, "Rosa Lind", "Paul Okafor");
    String edited = "Rosa, was it the Lisbon conference? (" + via + ")";

    decide(via, inv.id(), Decision.ASK, Optional.of(edited));

    StoredInvitation asked = doorman.store().find(inv.id()).orElseThrow();
    assertEquals(State.ASKED, asked.state());
    assertEquals(edited, doorman.store().question(inv.id()).orElseThrow().question());
    assertEquals(via.id, doorman.store().question(inv.id()).orElseThrow().askedBy());
    assertEquals(via.id, asked.stateBy());
    AuditEntry last = history(inv.id()).get(history(inv.id()).size() - 1);
    assertEquals(via.id, last.actor());
    assertEquals(via.name, last.actorName());
    assertEquals(via.channel, last.channel());
    Cli.Run show = Cli.run("show", "--data-dir", dir.resolve("data").toString(), Long.toString(inv.id()));
    assertTrue(show.out().contains("question:   \"" + edited + "\" (asked by " + via.id), show.out());
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void theQuestionForAnInvitationToAnAddressGreetsItsRecipientByFirstName(Via via) throws Exception {
    StoredInvitation inv = arrives(via, "Dana Voss", "alex.morgan@example.com");
    assertEquals(Optional.of("alex.morgan@example.com"), inv.recipient());
    String expected = "Hi Dana, thanks for the invitation! Have we met? A line on how we know each other"
        + " (or who suggested we connect) helps me say yes. Alex";
    if (via != Via.CLI) {
      assertEquals(expected, shownBy(via, inv.id()), via + " offers the question");
    }

    decide(via, inv.id(), Decision.ASK, Optional.empty()); // sent as offered

    assertEquals(State.ASKED, state(inv.id()));
    assertEquals(expected, doorman.store().question(inv.id()).orElseThrow().question(), via + " stores it");
  }

  @ParameterizedTest
  @EnumSource(Via.class)
  void aDecisionRecordsWhoMadeItOnTheirChannel(Via via) throws Exception {
    StoredInvitation inv = arrives(via, "Kai Berg", "Paul Okafor");

    decide(via, inv.id(), Decision.DECLINE, Optional.empty());

    StoredInvitation declined = doorman.store().find(inv.id()).orElseThrow();
    assertEquals(State.DECLINED, declined.state());
    assertEquals(via.id, declined.stateBy());
    AuditEntry last = history(inv.id()).get(history(inv.id()).size() - 1);
    assertEquals(via.id, last.actor());
    assertEquals(via.name, last.actorName());
    assertEquals(via.channel, last.channel());
    Cli.Run who = Cli.run("who", "--data-dir", dir.resolve("data").toString(), "Kai Berg");
    assertTrue(who.out().contains("declined (by " + (via.name.equals(via.id) ? via.id : via.name + " (" + via.id + ")")),
        who.out());
  }
}

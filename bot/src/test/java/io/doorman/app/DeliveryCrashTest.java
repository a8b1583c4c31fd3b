package io.doorman.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.decisions.Decisions;
import io.doorman.decisions.Questions;
import io.doorman.events.Events;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.intake.Intake;
import io.doorman.intake.Stored;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.mail.Mailboxes;
import io.doorman.mail.StallingProxy;
import io.doorman.policies.engine.Policy;
import io.doorman.slack.FakeSlackApi;
import io.doorman.slack.SlackHarness;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.MutableClock;
import io.doorman.testing.Emails;
import io.doorman.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done-when 3 of issue 13: {@code doorman run} as a real process, killed with SIGKILL while an
 * effect is on its way (a verdict email, a nudge, a digest, a Slack card), then started again.
 * Before the send: the change is committed, its effect is pending, nothing reached the peer (the
 * SMTP connection or the Slack call hangs before the peer takes it). During the send: the peer
 * took it and the process dies before it hears so. After the restart each effect is delivered at
 * least once; killed before the send, exactly once; killed during it, every copy of a letter
 * carries the same Message-ID (the effect's key), so a receiver can tell it is one letter.
 */
class DeliveryCrashTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Pattern CONSOLE = Pattern.compile("console: (http://\\S+/)");

  /** When the process dies: before the peer took the effect, or after it took it but before it answered. */
  enum Moment { BEFORE_THE_SEND, DURING_THE_SEND }

  @TempDir Path dir;
  private Mailboxes mail;
  private StallingProxy smtp;
  private FakeSlackApi slack;
  private Process doorman;
  private int runs;

  @BeforeEach
  void peers() throws Exception {
    mail = new Mailboxes();
    smtp = new StallingProxy(mail.smtpPort());
    slack = new FakeSlackApi(Set.of("C0TEAM"));
  }

  @AfterEach
  void stop() throws Exception {
    if (doorman != null) {
      doorman.destroyForcibly().waitFor();
    }
    slack.release();
    slack.close();
    smtp.close();
    mail.close();
  }

  // ------------------------------------------------------------------ the process

  private Map<String, String> email(String digestAt) {
    Map<String, String> env = new HashMap<>(Map.of(
        "DOORMAN_IMAP_HOST", "127.0.0.1", "DOORMAN_IMAP_PORT", String.valueOf(mail.imapPort()),
        "DOORMAN_IMAP_TLS", "false", "DOORMAN_IMAP_USER", Mailboxes.DOORMAN, "DOORMAN_IMAP_PASSWORD", Mailboxes.PASSWORD));
    env.putAll(Map.of("DOORMAN_SMTP_HOST", "127.0.0.1", "DOORMAN_SMTP_PORT", String.valueOf(smtp.port()),
        "DOORMAN_SMTP_TLS", "none", "DOORMAN_SMTP_FROM", Mailboxes.DOORMAN, "DOORMAN_EMAIL_ALLOW", "@example.com",
        "DOORMAN_EMAIL_DIGEST_AT", digestAt, "DOORMAN_EMAIL_REPLY_SECRET", "0123456789abcdef0123456789abcdef"));
    return env;
  }

  private Map<String, String> slackOn() {
    return Map.of("DOORMAN_SLACK_BOT_TOKEN", FakeSlackApi.TOKEN, "DOORMAN_SLACK_SIGNING_SECRET", SlackHarness.SECRET,
        "DOORMAN_SLACK_CHANNEL", "C0TEAM", "DOORMAN_SLACK_API_URL", slack.url());
  }

  /** {@code doorman run} in a JVM of its own on this test's data, started and ready; its console. */
  private URI run(Map<String, String> env) throws Exception {
    Path out = dir.resolve("run-" + runs++ + ".out");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.doorman.cli.Main", "run")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("DOORMAN_HTTP_PORT", "0");
    pb.environment().put("DOORMAN_DATA_DIR", dir.resolve("data").toString());
    pb.environment().put("DOORMAN_INBOX_DIR", dir.resolve("inbox").toString());
    pb.environment().putAll(env);
    doorman = pb.start();
    Eventually.within(DEADLINE, "doorman run started: " + out, () -> read(out).contains("Doorman is running"));
    Matcher m = CONSOLE.matcher(read(out));
    assertTrue(m.find(), read(out));
    return URI.create(m.group(1));
  }

  private void kill() throws Exception {
    doorman.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, nothing finished or released
    doorman = null;
  }

  private static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outbox's pending rows, as the process's /metrics says. */
  private static long pending(URI console) {
    try {
      String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(console.resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("doorman_outbox_pending (\\d+)").matcher(metrics);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  // ------------------------------------------------------------------ the store before the run

  /** An invitation Alice forwarded, asked "Have we met?" {@code askedAgo} ago, stored before Doorman runs. */
  private void askedInvitationForwardedByAlice(Duration askedAgo) throws Exception {
    MutableClock then = new MutableClock(Instant.now().minus(askedAgo));
    try (Database db = Database.h2File(dir.resolve("data"))) {
      Policy policy = Policy.defaults();
      var taken = new Intake(new MailReader(), policy, new Ingestion(db, then), new Events())
          .take(new RawMail("asked.eml", Emails.invitation(77, "Jane Doe", "").getBytes(UTF_8)));
      long id = ((Stored.InvitationStored) taken.stored().get(0)).invitationId();
      db.inTransaction("record Alice's forward", tx -> tx.update(
          "INSERT INTO email_forwards (invitation_id, forwarder, forwarded_at) VALUES (?, ?, ?)",
          p -> p.set(1, id).set(2, Mailboxes.ALICE).set(3, then.instant())));
      new Decisions(db, new Questions(policy), new Events(), then, policy.followUpAfter())
          .decide(new Decisions.Request(id, Decision.ASK, Actor.console("alex")));
    }
  }

  // ------------------------------------------------------------------ each effect, killed at each moment

  /**
   * Runs Doorman, lets {@code cause} make the effect, kills the process at {@code moment} of its
   * send to SMTP, runs Doorman again; the letters Alice got whose subject starts with {@code subject}.
   */
  private List<Mailboxes.Received> killedWhileSendingMail(Moment moment, Map<String, String> env, Cause cause,
      String subject) throws Exception {
    smtp.mode(moment == Moment.BEFORE_THE_SEND ? StallingProxy.Mode.HANG_BEFORE : StallingProxy.Mode.HANG_AFTER_DATA);
    run(env);
    cause.run();
    Eventually.within(DEADLINE, "the letter on its way", () -> smtp.hanging() >= 1);
    kill();
    smtp.mode(StallingProxy.Mode.PASS);
    URI console = run(env);
    Eventually.within(DEADLINE, "the letter delivered after the restart",
        () -> letters(subject).size() >= (moment == Moment.DURING_THE_SEND ? 2 : 1) && pending(console) == 0);
    return letters(subject);
  }

  @FunctionalInterface
  private interface Cause {
    void run() throws Exception;
  }

  private List<Mailboxes.Received> letters(String subject) {
    return mail.inboxOf(Mailboxes.ALICE).stream().filter(r -> r.subject().startsWith(subject)).toList();
  }

  private static void deliveredAsOneLetter(Moment moment, List<Mailboxes.Received> got) {
    if (moment == Moment.BEFORE_THE_SEND) {
      assertEquals(1, got.size(), "killed before the send: delivered once");
    } else {
      assertTrue(got.size() >= 1, "killed during the send: delivered at least once");
      assertEquals(1, got.stream().map(Mailboxes.Received::messageId).distinct().count(),
          "every copy carries the effect's key as its Message-ID: " + got);
    }
  }

  @ParameterizedTest
  @EnumSource(Moment.class)
  void aVerdictEmailSurvivesAKill(Moment moment) throws Exception {
    List<Mailboxes.Received> got = killedWhileSendingMail(moment, email(""),
        () -> mail.forwardAsAttachment(Mailboxes.ALICE, Mailboxes.sample("03-invitation-sales-pitch.eml", 0)),
        "Doorman: Dana Voss");
    deliveredAsOneLetter(moment, got);
  }

  @ParameterizedTest
  @EnumSource(Moment.class)
  void aNudgeSurvivesAKill(Moment moment) throws Exception {
    askedInvitationForwardedByAlice(Policy.defaults().followUpAfter().plusHours(1)); // due as Doorman starts
    List<Mailboxes.Received> got = killedWhileSendingMail(moment, email(""), () -> {}, "Doorman: no answer yet");
    deliveredAsOneLetter(moment, got);
  }

  @ParameterizedTest
  @EnumSource(Moment.class)
  void aDigestSurvivesAKill(Moment moment) throws Exception {
    askedInvitationForwardedByAlice(Duration.ofHours(1)); // "1 awaiting answers"
    List<Mailboxes.Received> got = killedWhileSendingMail(moment, email("00:00"), () -> {}, "Doorman digest");
    deliveredAsOneLetter(moment, got);
  }

  @ParameterizedTest
  @EnumSource(Moment.class)
  void aSlackCardSurvivesAKill(Moment moment) throws Exception {
    slack.stall("chat.postMessage", moment == Moment.BEFORE_THE_SEND ? FakeSlackApi.Stall.BEFORE : FakeSlackApi.Stall.AFTER);
    run(slackOn());
    Emails.drop(Files.createDirectories(dir.resolve("inbox")), "jane.eml", Emails.invitation(88, "Jane Doe", ""));
    Eventually.within(DEADLINE, "the card on its way", () -> slack.stalled() >= 1);
    kill();
    slack.release();
    URI console = run(slackOn());
    Eventually.within(DEADLINE, "the card posted after the restart",
        () -> pending(console) == 0 && !slack.messages().isEmpty());
    long cards = slack.messages().stream().filter(m -> m.blocks().contains("Jane Doe")).count();
    if (moment == Moment.BEFORE_THE_SEND) {
      assertEquals(1, cards, "killed before Slack took it: posted once");
    } else {
      assertTrue(cards >= 1, "killed after Slack took it: posted at least once (Slack takes no key)");
    }
  }
}

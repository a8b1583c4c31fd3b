package io.doorman.email;

import io.doorman.testing.All;
import static io.doorman.mail.Mailboxes.ALICE;
import static io.doorman.mail.Mailboxes.BOB;
import static io.doorman.mail.Mailboxes.DOORMAN;
import static io.doorman.mail.Mailboxes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.decisions.FollowUps;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.imap.Disposition;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.State;
import io.doorman.mail.Mailboxes;
import io.doorman.store.AuditEntry;
import io.doorman.store.StoredInvitation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nudges and the daily digest, with a manual clock: ten days pass in a method call. */
class DigestAndNudgeTest {

  @TempDir Path dir;
  private Conversation doorman;

  @BeforeEach
  void start() {
    doorman = new Conversation(dir, Instant.parse("2026-12-01T07:30:00Z"));
  }

  @AfterEach
  void stop() {
    doorman.close();
  }

  /** Alice forwards a sample straight to the router (as a source would hand it over). */
  private StoredInvitation forward(String sample) throws Exception {
    int before = All.invitations(doorman.store).size();
    assertEquals(Disposition.STORED,
        doorman.router.handle(new RawMail("test", Mailboxes.forwardBytes(ALICE, Mailboxes.sample(sample, 0)))));
    List<StoredInvitation> all = All.invitations(doorman.store);
    assertEquals(before + 1, all.size());
    return all.get(all.size() - 1);
  }

  @Test
  void forwarderIsNudgedWhenNoAnswerCameAndWaitPutsTheQuestionBackToAsked() throws Exception {
    StoredInvitation inv = forward("02-invitation-no-note.eml");
    await(() -> doorman.mail.inboxOf(ALICE).size() == 1, "the verdict");
    doorman.decide(inv.id(), Decision.ASK, Actor.console("alex"));
    FollowUps followUps = doorman.followUps;

    doorman.clock.advance(Duration.ofDays(9));
    assertEquals(0, followUps.runDue().followedUp());
    doorman.clock.advance(Duration.ofDays(2));
    assertEquals(1, followUps.runDue().followedUp());
    await(() -> doorman.mail.inboxOf(ALICE).size() == 2, "the nudge");
    Mailboxes.Received nudge = doorman.mail.inboxOf(ALICE).get(1);
    assertTrue(nudge.subject().startsWith("Doorman: no answer yet from"), nudge.subject());
    assertTrue(nudge.text().contains("just following up on my question: have we met?"), nudge.text());
    assertEquals(State.FOLLOW_UP, doorman.store.find(inv.id()).orElseThrow().state());

    String token = nudge.replyTo().substring(nudge.replyTo().indexOf('+') + 1, nudge.replyTo().indexOf('@'));
    byte[] answer = Mailboxes.textBytes(ALICE, "doorman+" + token + "@example.com", "Re: " + nudge.subject(),
        "wait\n\n> quoted nudge\n");
    assertEquals(Disposition.STORED, doorman.router.handle(new RawMail("answer", answer)));
    StoredInvitation after = doorman.store.find(inv.id()).orElseThrow();
    assertEquals(State.ASKED, after.state(), "waiting asks again: the follow-up clock starts over");
    List<AuditEntry> history = doorman.store.history(inv.id());
    assertEquals("email", history.get(history.size() - 1).channel());
    await(() -> doorman.mail.inboxOf(ALICE).size() == 3, "the confirmation");

    doorman.clock.advance(Duration.ofDays(9));
    assertEquals(0, followUps.runDue().followedUp(), "not due again until ten days after the wait");
  }

  @Test
  void digestGoesOutOnceADayAtTheConfiguredTime() throws Exception {
    StoredInvitation pitch = forward("03-invitation-sales-pitch.eml");
    StoredInvitation blank = forward("02-invitation-no-note.eml");
    doorman.decide(blank.id(), Decision.ASK, Actor.console("alex"));
    await(() -> doorman.mail.inboxOf(ALICE).size() == 2, "the two verdicts");

    doorman.clock.advance(Duration.ofMinutes(29)); // 07:59
    assertFalse(doorman.email.sendDigestIfDue(doorman.clock.instant()), "not before 08:00");
    doorman.clock.advance(Duration.ofMinutes(1)); // 08:00
    assertTrue(doorman.email.sendDigestIfDue(doorman.clock.instant()));
    assertFalse(doorman.email.sendDigestIfDue(doorman.clock.instant().plus(Duration.ofHours(3))), "once a day");
    await(() -> doorman.mail.inboxOf(ALICE).size() == 3, "the digest");

    Mailboxes.Received digest = doorman.mail.inboxOf(ALICE).get(2);
    assertTrue(digest.subject().startsWith("Doorman digest 2026-12-01: 2 new, 1 awaiting answers, 0 follow-ups due"),
        digest.subject());
    assertTrue(digest.contentType().startsWith("multipart/alternative"), digest.contentType());
    String[] parts = digest.text().split("\n--part--\n");
    assertTrue(parts[0].contains("sales-pitch (1)") && parts[0].contains("no-note (1)"), parts[0]);
    assertTrue(parts[0].contains("Questions awaiting answers (1)"), parts[0]);
    assertTrue(parts[0].contains("#" + pitch.id() + " Dana Voss"), parts[0]);
    assertTrue(parts[1].contains("<h3>Questions awaiting answers (1)</h3>"), parts[1]);
    assertEquals(0, doorman.mail.inboxOf(BOB).size(), "a domain in email.allow names nobody in particular");

    doorman.clock.advance(Duration.ofDays(1));
    assertTrue(doorman.email.sendDigestIfDue(doorman.clock.instant()), "the next day's");
    await(() -> doorman.mail.inboxOf(ALICE).size() == 4, "the second digest");
    assertTrue(doorman.mail.inboxOf(ALICE).get(3).subject().contains("0 new, 1 awaiting answers"));
  }

  @Test
  void aVerdictThatCouldNotBeSentGoesOutLaterAndOnlyOnce() throws Exception {
    doorman.mail.stop(); // the SMTP server is down when the forward comes
    forward("03-invitation-sales-pitch.eml");
    await(() -> attempts() >= 1, "a try, refused");
    assertEquals(1, doorman.outbox.pending(), "still to go");
    doorman.mail.restartWith(List.of());
    doorman.clock.advance(Duration.ofMinutes(1)); // past the backoff
    await(() -> doorman.outbox.pending() == 0, "the verdict sent");
    await(() -> doorman.mail.inboxOf(ALICE).size() == 1, "the verdict, late");
    assertTrue(doorman.mail.inboxOf(ALICE).get(0).subject().contains("Dana Voss - decline"));
    doorman.clock.advance(Duration.ofHours(1));
    doorman.relay.drainOnce();
    assertEquals(1, doorman.mail.inboxOf(ALICE).size(), "sent once");
  }

  @Test
  void anSmtpOutageOfFiveMinutesDelaysTheDigestAndANudgeAndLosesNeither() throws Exception {
    StoredInvitation inv = forward("02-invitation-no-note.eml");
    await(() -> doorman.mail.inboxOf(ALICE).size() == 1, "the verdict");
    doorman.decide(inv.id(), Decision.ASK, Actor.console("alex"));
    doorman.clock.advance(doorman.policy.followUpAfter().plusMinutes(30)); // 08:00, ten days on
    doorman.mail.stop();

    assertTrue(doorman.email.sendDigestIfDue(doorman.clock.instant()));
    assertEquals(1, doorman.followUps.runDue().followedUp()); // the nudge
    for (int second = 0; second < 300; second += 15) { // five minutes of the relay trying
      doorman.relay.drainOnce();
      doorman.clock.advance(Duration.ofSeconds(15));
    }
    assertEquals(2, doorman.outbox.pending(), "nothing lost, nothing given up");
    assertEquals(0, doorman.outbox.dead());
    doorman.mail.restartWith(List.of());
    doorman.clock.advance(Duration.ofMinutes(5)); // the longest backoff
    await(() -> doorman.outbox.pending() == 0, "both sent once the server is back");
    // The restarted server keeps no earlier mail: what Alice has now came after the outage.
    await(() -> doorman.mail.inboxOf(ALICE).size() == 2, "the digest and the nudge");
    List<String> subjects = doorman.mail.inboxOf(ALICE).stream().map(Mailboxes.Received::subject).toList();
    assertTrue(subjects.stream().anyMatch(x -> x.startsWith("Doorman digest")), subjects.toString());
    assertTrue(subjects.stream().anyMatch(x -> x.startsWith("Doorman: no answer yet from")), subjects.toString());
  }

  /** How often the outbox tried its rows so far. */
  private long attempts() {
    return doorman.db.inTransaction("count tries", tx -> tx.one("SELECT COALESCE(SUM(attempts), 0) FROM outbox",
        io.doorman.store.Tx.Binder.NONE, r -> r.longValue(1)).orElse(0L));
  }

  @Test
  void digestEscapesWhatEmailsSay() {
    assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;",
        Digest.escape("<script>alert(\"x\")</script> & '"));
  }
}

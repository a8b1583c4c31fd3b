package io.doorman.mail;

import io.doorman.testing.All;
import static io.doorman.mail.Mailboxes.ALICE;
import static io.doorman.mail.Mailboxes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.imap.ImapStatus;
import io.doorman.ingest.imap.MailHandler;
import io.doorman.intake.Intake;
import io.doorman.mail.gmail.ForwardingConfirmations;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import io.doorman.events.Events;
import io.doorman.store.MutableClock;
import io.doorman.store.StoredInvitation;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Done-when 1, last part: the IMAP server restarts mid-run; Doorman reconnects and loses nothing. */
class ImapRestartTest {

  @TempDir Path dir;

  @Test
  void reconnectsAfterTheServerRestartsMidRunAndStoresEverythingOnce() throws Exception {
    try (Mailboxes mail = new Mailboxes()) {
      MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
      Database db = Database.h2File(dir.resolve("data"));
      Invitations store = new Invitations(db);
      Intake intake = new Intake(new MailReader(), Policy.defaults(), new Ingestion(db, clock), new Events());
      MailRouter router = new MailRouter(intake, new ForwardingConfirmations(clock), MailConversation.NONE);
      for (int i = 1; i <= 10; i++) {
        mail.forwardAsAttachment(ALICE, Mailboxes.sample("01-invitation-met-at-meetup.eml", i));
      }
      // The fifth message is held in the handler while the server goes away: read, not yet stored.
      CountDownLatch fifthInHand = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger calls = new AtomicInteger();
      MailHandler gated = raw -> {
        if (calls.incrementAndGet() == 5) {
          fifthInHand.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return router.handle(raw);
      };
      ImapIntake imap = new ImapIntake(mail.imapSettings(), gated, db, clock, d -> Thread.sleep(5),
          Duration.ofSeconds(60), "node-a");
      try {
        imap.tick();
        assertTrue(fifthInHand.await(20, TimeUnit.SECONDS), "the fifth message in hand");
        // Whatever is still in the inbox (at least the fifth: its chunk is moved only once taken).
        List<MimeMessage> left = mail.inboxLeft();
        assertTrue(left.size() >= 6, "the fifth and the five after it are still there: " + left.size());
        mail.stop();
        release.countDown(); // stored now; moving it fails with the connection
        await(() -> imap.status().connection().map(s -> s.state() == ImapStatus.State.RECONNECTING).orElse(false),
            "reconnecting");
        mail.restartWith(left);

        // GreenMail's MOVE empties the inbox a moment before the target folder shows the message.
        await(() -> All.invitations(store).size() == 10 && mail.count("INBOX") == 0
            && mail.count("Doorman/Processed") >= left.size(), "all ten stored, the new server's moved");
        assertEquals(left.size(), mail.count("Doorman/Processed"), "what the new server had, each moved once");
        List<StoredInvitation> all = All.invitations(store);
        assertEquals(10, all.stream().map(StoredInvitation::key).distinct().count(), "nothing stored twice");
        int sightings = all.stream().mapToInt(StoredInvitation::sightings).sum();
        assertTrue(sightings > 10 && sightings <= 10 + left.size(),
            "what was read on both servers counts as seen again, not stored again: " + sightings);
        assertTrue(imap.status().ready());
      } finally {
        imap.close();
      }
    }
  }
}

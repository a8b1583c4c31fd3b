package io.doorman.mail;

import static io.doorman.mail.Mailboxes.BOB;
import static io.doorman.mail.Mailboxes.DOORMAN;
import static io.doorman.mail.Mailboxes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.ingest.imap.Disposition;
import io.doorman.store.Database;
import io.doorman.store.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one database: one reads the mailbox, the other takes over when its lease expires. */
class ImapIntakeLeaseTest {

  @TempDir Path dir;

  @Test
  void oneNodeReadsTheMailboxAndAnotherTakesOverWhenItsLeaseExpires() throws Exception {
    try (Mailboxes mail = new Mailboxes()) {
      MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
      List<String> byA = new CopyOnWriteArrayList<>();
      List<String> byB = new CopyOnWriteArrayList<>();
      ImapIntake a = node(mail, clock, Database.h2File(dir.resolve("data")), "node-a", byA);
      ImapIntake b = node(mail, clock, Database.h2File(dir.resolve("data")), "node-b", byB);
      try {
        a.tick();
        b.tick();
        assertEquals(ImapIntake.Role.READING, a.status().role());
        assertEquals(ImapIntake.Role.STANDBY, b.status().role());
        assertEquals(Optional.of("node-a"), b.status().holder());
        assertTrue(b.status().ready(), "standing by for a live holder is ready");

        mail.sendText(BOB, DOORMAN, "one", "first", DOORMAN);
        await(() -> byA.size() == 1, "node A reads");
        a.tick(); // renewals keep it
        b.tick();
        assertEquals(ImapIntake.Role.STANDBY, b.status().role());

        // Node A stalls past its lease; B takes over, and A, waking up, finds it lost the lease.
        clock.advance(Duration.ofSeconds(61));
        b.tick();
        a.tick();
        assertEquals(ImapIntake.Role.READING, b.status().role());
        assertEquals(ImapIntake.Role.STANDBY, a.status().role());
        mail.sendText(BOB, DOORMAN, "two", "second", DOORMAN);
        await(() -> byB.size() == 1, "node B reads");
        assertEquals(1, byA.size(), "node A no longer reads");

        // B shuts down cleanly: the lease is given up and A takes over without waiting.
        b.close();
        a.tick();
        assertEquals(ImapIntake.Role.READING, a.status().role());
        mail.sendText(BOB, DOORMAN, "three", "third", DOORMAN);
        await(() -> byA.size() == 2, "node A reads again");
        assertEquals(1, byB.size());
      } finally {
        a.close();
        b.close();
      }
    }
  }

  private static ImapIntake node(Mailboxes mail, MutableClock clock, Database db, String name, List<String> seen) {
    return new ImapIntake(mail.imapSettings(), raw -> {
      seen.add(raw.source());
      return Disposition.NOT_LINKEDIN;
    }, db, clock, d -> Thread.sleep(5), Duration.ofSeconds(60), name);
  }
}

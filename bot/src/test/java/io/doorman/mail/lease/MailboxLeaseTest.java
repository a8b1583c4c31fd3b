package io.doorman.mail.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.store.Database;
import io.doorman.store.MutableClock;
import io.doorman.store.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease on H2 and on a real PostgreSQL: one holder, renewals, takeover after expiry, release. */
class MailboxLeaseTest {

  @TempDir Path dir;

  @Test
  void onH2() throws Exception {
    contract(Database.h2File(dir.resolve("data")));
  }

  @Test
  void onPostgres() throws Exception {
    contract(TestPostgres.freshDatabase());
  }

  private static void contract(Database db) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    Duration ttl = Duration.ofSeconds(60);
    MailboxLease a = new MailboxLease(db, "box", "a", clock, ttl);
    MailboxLease b = new MailboxLease(db, "box", "b", clock, ttl);
    assertTrue(a.acquire());
    assertFalse(b.acquire());
    clock.advance(Duration.ofSeconds(40));
    assertTrue(a.acquire(), "renewed");
    clock.advance(Duration.ofSeconds(40));
    assertFalse(b.acquire(), "the renewal counts from when it was made");
    assertEquals("a", b.holder().orElseThrow().owner());
    clock.advance(Duration.ofSeconds(21));
    assertTrue(b.holder().isEmpty(), "expired");
    assertTrue(b.acquire(), "taken over");
    assertFalse(a.acquire(), "lost");
    b.release();
    assertTrue(a.acquire(), "released leases are free at once");
    assertTrue(new MailboxLease(db, "other box", "b", clock, ttl).acquire(), "one lease per mailbox");

    // Eight nodes race for a free mailbox: exactly one wins.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        MailboxLease l = new MailboxLease(db, "raced", "n" + i, clock, ttl);
        racers.add(l::acquire);
      }
      int winners = 0;
      for (Future<Boolean> f : pool.invokeAll(racers)) {
        winners += f.get() ? 1 : 0;
      }
      assertEquals(1, winners);
    } finally {
      pool.shutdown();
    }
  }
}

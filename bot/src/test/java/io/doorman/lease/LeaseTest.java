package io.doorman.lease;

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

/**
 * The one lease, on H2 and on a real PostgreSQL: one holder, renewals, takeover at expiry (held
 * while the expiry is after now, free from the moment it is not), release, one lease per name.
 */
class LeaseTest {

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
    Lease a = new Lease(db, "box", "a", clock, ttl);
    Lease b = new Lease(db, "box", "b", clock, ttl);
    assertTrue(a.acquire());
    assertFalse(b.acquire());
    clock.advance(Duration.ofSeconds(40));
    assertTrue(a.acquire(), "renewed");
    clock.advance(Duration.ofSeconds(40));
    assertFalse(b.acquire(), "the renewal counts from when it was made");
    assertEquals("a", b.holder().orElseThrow().owner());
    clock.advance(Duration.ofSeconds(19));
    assertFalse(b.acquire(), "a second before the expiry it is still held");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(b.holder().isEmpty(), "expired at its expiry");
    assertTrue(b.acquire(), "taken over");
    assertFalse(a.acquire(), "lost");
    b.release();
    assertTrue(a.acquire(), "released leases are free at once");
    assertTrue(new Lease(db, "other box", "b", clock, ttl).acquire(), "one lease per name");
    Lease late = new Lease(db, "box", "late", new MutableClock(clock.instant().minusSeconds(3600)), ttl);
    a.release();
    assertTrue(late.acquire(), "released to the epoch: free even for a node whose clock is an hour behind");

    // Eight nodes race for a free mailbox: exactly one wins.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Lease l = new Lease(db, "raced", "n" + i, clock, ttl);
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

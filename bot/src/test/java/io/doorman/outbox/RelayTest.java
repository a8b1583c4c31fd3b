package io.doorman.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.lease.Lease;
import io.doorman.store.Database;
import io.doorman.store.MutableClock;
import io.doorman.store.Tx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay on an H2 file, with a sender that answers what each test tells it to: send then
 * record, backoff with jitter, dead letters, refused credentials, order, lanes, keys and the lease.
 */
class RelayTest {

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private Database db;
  private Outbox outbox;
  private Scripted sender;
  private final List<String> parked = new CopyOnWriteArrayList<>();
  private Relay relay;

  /** A sender that delivers what it is handed by answering from a script (default: sent). */
  static final class Scripted implements Sender {
    final List<String> handed = new CopyOnWriteArrayList<>();
    final Deque<Result> script = new ArrayDeque<>();
    Duration pace = Duration.ZERO;

    @Override
    public Set<String> kinds() {
      return Set.of("test.a", "test.b");
    }

    @Override
    public Duration pace(String lane) {
      return pace;
    }

    @Override
    public synchronized Result send(Delivery d) {
      handed.add(d.key());
      return script.isEmpty() ? new Result.Sent(Result.Recording.NOTHING) : script.poll();
    }
  }

  @BeforeEach
  void open() {
    db = Database.h2File(dir.resolve("data"));
    outbox = new Outbox(db, clock);
    sender = new Scripted();
    relay = relay("node-a", new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofDays(1), new Random(7)));
  }

  private Relay relay(String node, Backoff backoff) {
    return new Relay(outbox, new Lease(db, "outbox", node, clock, Relay.LEASE), List.of(sender), backoff, clock,
        parked::add);
  }

  @AfterEach
  void close() {
    relay.close();
    db.close();
  }

  private void enqueue(String key, String lane, Optional<String> ordering) {
    outbox.enqueue(new Effect(key, "test.a", lane, ordering, Payload.of("n", 1)));
  }

  private Instant nextTry(String key) {
    return db.inTransaction("read", tx -> tx.one("SELECT next_at FROM outbox WHERE effect_key = ?",
        p -> p.set(1, key), r -> r.instant("next_at")).orElseThrow());
  }

  private String state(String key) {
    return db.inTransaction("read", tx -> tx.one("SELECT state FROM outbox WHERE effect_key = ?",
        p -> p.set(1, key), r -> r.string("state")).orElseThrow());
  }

  @Test
  void anEffectIsEnqueuedOncePerKeyAndOnlyWithItsTransaction() {
    enqueue("k1", "lane", Optional.empty());
    enqueue("k1", "lane", Optional.empty());
    assertThrows(IllegalStateException.class, () -> db.inTransaction("roll back", tx -> {
      outbox.enqueue(tx, new Effect("k2", "test.a", "lane", Optional.empty(), Payload.of()));
      throw new IllegalStateException("the change failed");
    }));
    assertEquals(1, outbox.pending());
    assertEquals(1, relay.drainOnce());
    assertEquals(List.of("k1"), sender.handed);
    assertEquals("SENT", state("k1"));
    assertEquals(0, relay.drainOnce(), "sent once");
  }

  @Test
  void whatTheSenderRecordsCommitsWithTheRowAsSent() {
    enqueue("k1", "lane", Optional.empty());
    sender.script.add(new Result.Sent(tx -> tx.update(
        "INSERT INTO leases (name, holder, expires_at) VALUES ('recorded', 'k1', ?)", p -> p.set(1, clock.instant()))));
    relay.drainOnce();
    assertEquals("SENT", state("k1"));
    assertTrue(db.inTransaction("read", tx -> tx.one("SELECT holder FROM leases WHERE name = 'recorded'",
        Tx.Binder.NONE, r -> r.string(1))).isPresent());
  }

  @Test
  void aFailureThatMayPassIsTriedAgainLaterAndLaterWithJitterUntilADayHasPassed() {
    enqueue("k1", "lane", Optional.empty());
    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; attempt <= 8; attempt++) {
      sender.script.add(new Result.Later("connection refused"));
      assertEquals(1, relay.drainOnce(), "due: tried");
      Instant next = nextTry("k1");
      waits.add(Duration.between(clock.instant(), next));
      assertEquals(0, relay.drainOnce(), "not before its next try");
      clock.advance(Duration.between(clock.instant(), next));
    }
    for (int i = 0; i < waits.size(); i++) {
      long full = Math.min(300_000, 5_000L << i);
      long ms = waits.get(i).toMillis();
      assertTrue(ms >= full / 2 && ms <= full, "try " + (i + 1) + " waits between half and all of " + full + " ms: " + ms);
    }
    assertTrue(waits.stream().distinct().count() > 4, "jittered, not fixed: " + waits);
    assertEquals("PENDING", state("k1"));

    clock.advance(Duration.ofDays(1));
    sender.script.add(new Result.Later("connection refused"));
    relay.drainOnce();
    assertEquals("DEAD", state("k1"), "never tried forever");
    assertTrue(outbox.deadLetters(1).get(0).error().startsWith("gave up after 24 h: connection refused"));
  }

  @Test
  void aPermanentFailureIsParkedShownAndCountedUntilRetriedOrDismissed() {
    enqueue("k1", "lane", Optional.empty());
    sender.script.add(new Result.Dead("Slack: channel_not_found"));
    relay.drainOnce();
    assertEquals("DEAD", state("k1"));
    assertEquals(List.of("test.a"), parked);
    assertFalse(relay.status().ready());
    assertTrue(relay.status().detail().contains("1 dead letter (latest test.a: Slack: channel_not_found)"),
        relay.status().detail());
    clock.advance(Duration.ofDays(2));
    assertEquals(0, relay.drainOnce(), "never tried again by itself");

    long id = outbox.deadLetters(10).get(0).id();
    assertTrue(outbox.retry(id));
    assertEquals(1, relay.drainOnce());
    assertEquals("SENT", state("k1"));
    assertTrue(relay.status().ready(), relay.status().detail());

    enqueue("k2", "lane", Optional.empty());
    sender.script.add(new Result.Dead("smtp: 550 no such user"));
    relay.drainOnce();
    assertTrue(outbox.dismiss(outbox.deadLetters(10).get(0).id()));
    assertEquals(0, outbox.dead());
    assertTrue(relay.status().ready());
  }

  @Test
  void refusedCredentialsParkTheRowAndStopTheSenderUntilItsLetterIsRetried() {
    enqueue("k1", "lane", Optional.empty());
    enqueue("k2", "other lane", Optional.empty());
    sender.script.add(new Result.Refused("Slack refused slack.bot-token: token_revoked"));
    relay.drainOnce();
    relay.drainOnce();
    assertEquals(1, sender.handed.size(), "after the refusal, nothing more is handed to it: " + sender.handed);
    assertEquals(1, outbox.pending());
    assertFalse(relay.status().ready());

    outbox.retry(outbox.deadLetters(1).get(0).id());
    relay.resume();
    relay.drainOnce();
    assertEquals(0, outbox.pending());
    assertEquals(0, outbox.dead());
  }

  @Test
  void aRateLimitRestsTheLaneAndIsNotCountedAsATry() {
    enqueue("k1", "lane", Optional.empty());
    sender.script.add(new Result.RateLimited(Duration.ofMillis(1)));
    relay.drainOnce();
    assertEquals("PENDING", state("k1"));
    assertEquals(0, (int) db.inTransaction("read", tx -> tx.one("SELECT attempts FROM outbox", Tx.Binder.NONE,
        r -> r.intValue("attempts")).orElseThrow()));
    io.doorman.testing.Eventually.within(Duration.ofSeconds(5), "the lane rested its millisecond",
        () -> relay.drainOnce() == 1);
    assertEquals("SENT", state("k1"));
  }

  @Test
  void oneEffectPerLanePerRoundAndEachOrderingInTheOrderItWasEnqueued() {
    enqueue("a1", "lane a", Optional.of("card 1"));
    enqueue("a2", "lane a", Optional.of("card 1"));
    enqueue("b1", "lane b", Optional.of("card 2"));
    enqueue("b2", "lane b", Optional.of("card 2"));

    assertEquals(2, relay.drainOnce(), "one for each lane");
    assertEquals(Set.of("a1", "b1"), Set.copyOf(sender.handed));

    assertEquals(2, relay.drainOnce(), "then the second of each");
    sender.script.add(new Result.Later("busy"));
    enqueue("c1", "lane c", Optional.of("card 3"));
    enqueue("c2", "lane c", Optional.of("card 3"));
    assertEquals(1, relay.drainOnce(), "c1, which fails");
    assertEquals(Set.of("a1", "b1", "a2", "b2", "c1"), Set.copyOf(sender.handed));
    assertEquals(0, relay.drainOnce(), "c2 waits for c1, which waits for its next try");
    clock.advance(Duration.ofMinutes(1));
    relay.drainOnce();
    relay.drainOnce();
    List<String> h = sender.handed;
    assertTrue(h.indexOf("a1") < h.indexOf("a2") && h.indexOf("b1") < h.indexOf("b2"), h.toString());
    assertEquals(List.of("c1", "c1", "c2"), h.stream().filter(k -> k.startsWith("c")).toList(),
        "c2 only once c1 went out: " + h);
  }

  @Test
  void ofTwoRelaysOnOneDatabaseOneDeliversAndTheOtherTakesOverWhenItCloses() {
    Relay other = relay("node-b", Backoff.standard());
    try {
      for (int i = 0; i < 10; i++) {
        enqueue("k" + i, "lane " + (i % 3), Optional.empty());
      }
      for (int round = 0; round < 10; round++) {
        relay.drainOnce();
        other.drainOnce();
      }
      assertEquals(10, sender.handed.size(), "each once");
      assertEquals(10, Set.copyOf(sender.handed).size());
      enqueue("late", "lane", Optional.empty());
      relay.close();
      assertEquals(1, other.drainOnce(), "the lease was released: the other relay delivers at once");
    } finally {
      other.close();
    }
  }
}

package io.doorman.outbox;

import io.doorman.health.Status;
import io.doorman.lease.Lease;
import io.doorman.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: each round, for every lane that may send, the first pending row that is
 * due (and has no earlier pending row of its ordering) goes to its kind's {@link Sender}, and what
 * came of it is recorded in a transaction of its own (send, then record). A failure that may pass
 * is tried again after an exponential {@link Backoff} with jitter, until a day has passed; one that
 * will not is parked as dead; refused credentials park the row and stop its sender. With several
 * nodes on one database, the node holding the {@code outbox} {@link Lease} delivers (renewed while
 * it runs, released on close, taken over {@link #LEASE} after a node died).
 *
 * <p>Nothing is queued in memory: each round asks the database, so a restart carries on where the
 * last run stopped. If the process dies between a peer's answer and the commit that records it,
 * that one effect is delivered again (at least once; the key it carries lets a peer tell).
 */
public final class Relay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Relay.class);
  /** How long the delivering node's lease lasts without renewal: the takeover time after a crash. */
  public static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofSeconds(1);
  /** Rounds no closer than this: a burst of clicks wakes one round, not hundreds. */
  private static final Duration MIN_GAP = Duration.ofMillis(100);
  /** How often the lanes are looked for anew (rows other nodes enqueued, retries come due). */
  private static final Duration LOOK_AROUND = Duration.ofSeconds(5);
  private static final Duration KEEP_SENT = Duration.ofDays(7);

  /** Told of each row parked as dead (for {@code doorman_outbox_dead_total}). */
  @FunctionalInterface
  public interface Watcher {
    Watcher NONE = kind -> {};

    void parked(String kind);
  }

  private final Outbox outbox;
  private final Lease lease;
  private final Map<String, Sender> byKind = new HashMap<>();
  private final Set<Sender> refused = ConcurrentHashMap.newKeySet();
  private final Backoff backoff;
  private final Clock clock;
  private final Watcher watcher;
  private final Lanes lanes = new Lanes(System::nanoTime);
  private final Set<String> known = new LinkedHashSet<>();
  private final Duration minGap;
  private long lookedAround = Long.MIN_VALUE / 2;
  private Instant pruned = Instant.EPOCH;
  private Instant leaseUntil = Instant.EPOCH;
  private volatile Optional<String> lastFailure = Optional.empty();
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread thread;

  public Relay(Outbox outbox, Lease lease, List<Sender> senders, Backoff backoff, Clock clock, Watcher watcher) {
    this.outbox = outbox;
    this.lease = lease;
    this.backoff = backoff;
    this.clock = clock;
    this.watcher = watcher;
    for (Sender s : senders) {
      for (String kind : s.kinds()) {
        if (byKind.putIfAbsent(kind, s) != null) {
          throw new IllegalArgumentException("two senders for " + kind);
        }
      }
    }
    this.minGap = MIN_GAP;
  }

  /** One round; how many rows it handed to senders. Called by the relay's thread (and tests). */
  public synchronized int drainOnce() {
    if (!holdsLease()) {
      return 0;
    }
    Instant now = clock.instant();
    lookAround(now);
    int handed = 0;
    for (String lane : List.copyOf(known)) {
      if (!lanes.ready(lane, now)) {
        continue;
      }
      Optional<Delivery> next = outbox.next(lane, activeKinds(), now);
      if (next.isEmpty()) {
        continue;
      }
      handed++;
      deliver(next.get(), now);
    }
    lastFailure = Optional.empty();
    return handed;
  }

  private void lookAround(Instant now) {
    known.addAll(outbox.lanesSeen());
    if (System.nanoTime() - lookedAround >= LOOK_AROUND.toNanos()) {
      known.addAll(outbox.lanes());
      lookedAround = System.nanoTime();
    }
    if (now.isAfter(pruned.plus(Duration.ofHours(1)))) {
      int gone = outbox.prune(now.minus(KEEP_SENT));
      if (gone > 0) {
        log.debug("outbox: forgot {} rows delivered over {} days ago", gone, KEEP_SENT.toDays());
      }
      pruned = now;
    }
  }

  private Set<String> activeKinds() {
    Set<String> out = new LinkedHashSet<>();
    byKind.forEach((kind, sender) -> {
      if (!refused.contains(sender)) {
        out.add(kind);
      }
    });
    return out;
  }

  private void deliver(Delivery d, Instant now) {
    Sender sender = byKind.get(d.kind());
    Result result;
    try {
      result = sender.send(d);
    } catch (RuntimeException e) {
      log.warn("outbox: sending {} failed: {}", d.key(), e.toString(), e);
      result = new Result.Later(e.toString());
    }
    Duration pace = sender.pace(d.lane());
    if (result instanceof Result.Sent s) {
      outbox.db().inTransaction("record " + d.key() + " as sent", tx -> {
        s.record().run(tx);
        outbox.sent(tx, d.id(), now);
        return null;
      });
      lanes.sent(d.lane(), pace);
    } else if (result instanceof Result.Progress p) {
      outbox.db().inTransaction("record a step of " + d.key(), tx -> {
        p.record().run(tx);
        return null;
      });
      lanes.sent(d.lane(), pace);
    } else if (result instanceof Result.RateLimited r) {
      log.info("outbox: {} rate limited; waiting {} s as the peer asks", d.lane(), r.retryAfter().toSeconds());
      lanes.rest(d.lane(), pace.compareTo(r.retryAfter()) > 0 ? pace : r.retryAfter());
    } else if (result instanceof Result.Later l) {
      later(d, l.why(), now, pace);
    } else if (result instanceof Result.Dead x) {
      park(d, x.why(), now, pace);
    } else if (result instanceof Result.Refused x) {
      park(d, x.why(), now, pace);
      refused.add(sender);
      log.error("outbox: {} refused its credentials ({}); nothing more of {} goes out until its dead letter is"
          + " retried in the console or Doorman restarts", d.kind(), x.why(), sender.kinds());
    }
  }

  private void later(Delivery d, String why, Instant now, Duration pace) {
    int attempts = d.attempts() + 1;
    if (backoff.givenUp(d.createdAt(), now)) {
      park(d, "gave up after " + backoff.giveUpAfter().toHours() + " h: " + why, now, pace);
      return;
    }
    Instant next = backoff.next(attempts, now);
    log.warn("outbox: {} failed (try {}), again at {}: {}", d.key(), attempts, next, why);
    outbox.db().inTransaction("record a failed try of " + d.key(), tx -> {
      outbox.later(tx, d.id(), attempts, next, why);
      return null;
    });
    lanes.sent(d.lane(), pace);
    lanes.hold(d.lane(), next);
  }

  private void park(Delivery d, String why, Instant now, Duration pace) {
    log.error("outbox: {} is dead: {} (see the console)", d.key(), why);
    outbox.db().inTransaction("park " + d.key() + " as dead", tx -> {
      outbox.dead(tx, d.id(), d.attempts() + 1, now, why);
      return null;
    });
    watcher.parked(d.kind());
    lanes.sent(d.lane(), pace);
  }

  /** Whether this node delivers: takes the lease, or renews it once a third of it has passed. */
  private boolean holdsLease() {
    Instant now = clock.instant();
    if (now.isBefore(leaseUntil.minus(LEASE.multipliedBy(2).dividedBy(3)))) {
      return true;
    }
    try {
      if (lease.acquire()) {
        leaseUntil = now.plus(lease.ttl());
        return true;
      }
    } catch (StoreException e) {
      log.warn("outbox: cannot renew the lease ({}); not delivering until it can", e.getMessage());
    }
    leaseUntil = Instant.EPOCH;
    return false;
  }

  /** Senders whose credentials were refused send again (their dead letter was retried). */
  public void resume() {
    refused.clear();
    wake();
  }

  /**
   * For {@code /readyz}: not ready while dead letters wait for an operator, while a sender's
   * credentials are refused, or when the last round failed; else how many rows are pending.
   */
  public Status status() {
    if (lastFailure.isPresent()) {
      return Status.notReady("the last round failed: " + lastFailure.get());
    }
    long dead = outbox.dead();
    if (dead > 0) {
      Outbox.DeadLetter latest = outbox.deadLetters(1).get(0);
      return Status.notReady(dead + " dead letter" + (dead == 1 ? "" : "s") + " (latest " + latest.kind() + ": "
          + latest.error() + "); retry or dismiss them in the console");
    }
    if (!refused.isEmpty()) {
      return Status.notReady("credentials refused; sending stopped");
    }
    return Status.ready(outbox.pending() + " pending");
  }

  // ------------------------------------------------------------------ the thread

  /** Starts delivering in the background; {@link #wake()} makes it look now instead of within a second. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "doorman-outbox");
    thread.setDaemon(true);
    thread.start();
  }

  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void loop() {
    while (running) {
      long started = System.nanoTime();
      Duration wait = POLL;
      try {
        int handed = drainOnce();
        Duration rest = lanes.untilNextRestEnds();
        if (handed > 0) {
          wait = rest.isZero() || rest.compareTo(POLL) > 0 ? minGap : rest;
        } else if (!rest.isZero() && rest.compareTo(POLL) < 0) {
          wait = rest;
        }
      } catch (RuntimeException e) {
        lastFailure = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        log.warn("outbox: round failed, trying again: {}", e.toString());
        wait = Duration.ofSeconds(5);
      }
      pause(wait);
      long since = System.nanoTime() - started;
      if (since < minGap.toNanos()) {
        pauseIgnoringWake(Duration.ofNanos(minGap.toNanos() - since));
      }
    }
  }

  /** A wait that a wake does not cut short (it stays pending for the next round). */
  private void pauseIgnoringWake(Duration d) {
    synchronized (signal) {
      long deadline = System.nanoTime() + d.toNanos();
      try {
        while (running) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return;
          }
          signal.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void pause(Duration d) {
    synchronized (signal) {
      long deadline = System.nanoTime() + d.toNanos();
      try {
        while (!woken && running) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          signal.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      woken = false;
    }
  }

  /** Lets a send in progress finish, stops, and gives the lease up so another node delivers at once. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    wake();
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      try {
        lease.release();
      } catch (RuntimeException e) {
        log.warn("outbox: cannot release the lease (another node takes over within {} s): {}",
            LEASE.toSeconds(), e.toString());
      }
      leaseUntil = Instant.EPOCH;
    }
  }
}

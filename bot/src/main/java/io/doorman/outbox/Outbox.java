package io.doorman.outbox;

import io.doorman.store.Database;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one durable outbox: every outbound effect (Slack posts, updates and notices, every email) is
 * a row here, {@link #enqueue enqueued} in the transaction of the change that causes it, once per
 * idempotency key, and delivered by the {@link Relay}. A row is PENDING until it is SENT, or DEAD
 * when it failed for good (kept, shown in the console, in /metrics and /readyz, until an operator
 * retries or dismisses it).
 */
public final class Outbox {

  /** Where a row stands. */
  public enum State { PENDING, SENT, DEAD, DISMISSED }

  /** A row that failed for good, as the console shows it. */
  public record DeadLetter(long id, String key, String kind, String lane, int attempts, String error, Instant since) {}

  private final Database db;
  private final Clock clock;
  /** Lanes this process enqueued to: the relay looks at them at once, not at its next look around. */
  private final Set<String> lanesSeen = ConcurrentHashMap.newKeySet();
  private volatile Runnable enqueued = () -> {};

  public Outbox(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Enqueues {@code effect} in the caller's transaction; false when its key was enqueued before. */
  public boolean enqueue(Tx tx, Effect effect) throws SQLException {
    Instant now = clock.instant();
    boolean added = tx.insertUnlessTaken("INSERT INTO outbox (effect_key, kind, lane, ordering, payload, state, attempts,"
        + " next_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", p -> p.set(1, effect.key())
        .set(2, effect.kind()).set(3, effect.lane(), 100).set(4, effect.ordering(), 200)
        .set(5, effect.payload().toString()).set(6, now).set(7, now));
    if (added) {
      lanesSeen.add(effect.lane());
      tx.afterCommit(enqueued);
    }
    return added;
  }

  /** Told after each commit that enqueued something: the relay's wake-up. */
  public void onEnqueued(Runnable wake) {
    this.enqueued = wake;
  }

  /** Enqueues {@code effect} in a transaction of its own (an effect no change causes: a notice). */
  public boolean enqueue(Effect effect) {
    return db.inTransaction("enqueue " + effect.key(), tx -> enqueue(tx, effect));
  }

  public long pending() {
    return count(State.PENDING);
  }

  public long dead() {
    return count(State.DEAD);
  }

  private long count(State state) {
    return db.inTransaction("count the outbox", tx -> tx.one("SELECT COUNT(*) FROM outbox WHERE state = ?",
        p -> p.set(1, state), r -> r.longValue(1)).orElse(0L));
  }

  /** The dead letters, the latest first, at most {@code limit}. */
  public List<DeadLetter> deadLetters(int limit) {
    return db.inTransaction("read dead letters", tx -> tx.query(
        "SELECT id, effect_key, kind, lane, attempts, last_error, done_at FROM outbox WHERE state = 'DEAD'"
            + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", Tx.Binder.NONE,
        r -> new DeadLetter(r.longValue("id"), r.string("effect_key"), r.string("kind"), r.string("lane"),
            r.intValue("attempts"), r.optional("last_error").orElse(""), r.instant("done_at"))));
  }

  /** A dead letter is pending again, tried at once, its attempts counted from nothing; whether it was dead. */
  public boolean retry(long id) {
    Instant now = clock.instant();
    Optional<String> lane = db.inTransaction("retry dead letter " + id, tx -> {
      Optional<String> l = tx.one("SELECT lane FROM outbox WHERE id = ? AND state = 'DEAD'", p -> p.set(1, id),
          r -> r.string("lane"));
      if (l.isPresent()) {
        tx.update("UPDATE outbox SET state = 'PENDING', attempts = 0, next_at = ?, created_at = ?, done_at = NULL"
            + " WHERE id = ?", p -> p.set(1, now).set(2, now).set(3, id));
      }
      return l;
    });
    lane.ifPresent(lanesSeen::add);
    return lane.isPresent();
  }

  /** A dead letter is put away: no longer shown or counted; whether it was dead. */
  public boolean dismiss(long id) {
    Instant now = clock.instant();
    return db.inTransaction("dismiss dead letter " + id, tx -> tx.update(
        "UPDATE outbox SET state = 'DISMISSED', done_at = ? WHERE id = ? AND state = 'DEAD'",
        p -> p.set(1, now).set(2, id)) == 1);
  }

  // ------------------------------------------------------------------ for the relay

  /** Lanes with pending rows, as the database says (rows other nodes enqueued) and as this process saw. */
  Set<String> lanes() {
    Set<String> out = ConcurrentHashMap.newKeySet();
    out.addAll(db.inTransaction("find the outbox's lanes", tx -> tx.query(
        "SELECT DISTINCT lane FROM outbox WHERE state = 'PENDING'", Tx.Binder.NONE, r -> r.string("lane"))));
    return out;
  }

  Set<String> lanesSeen() {
    return lanesSeen;
  }

  /**
   * The next row of {@code lane} to send at {@code now}, of one of {@code kinds}: the first pending
   * and due, with no earlier pending row of the same ordering.
   */
  Optional<Delivery> next(String lane, Set<String> kinds, Instant now) {
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
    List<String> kindList = List.copyOf(kinds);
    return db.inTransaction("read the outbox", tx -> tx.one(
        "SELECT o.id, o.effect_key, o.kind, o.lane, o.payload, o.attempts, o.created_at FROM outbox o"
            + " WHERE o.state = 'PENDING' AND o.lane = ? AND o.next_at <= ? AND o.kind IN (" + marks + ")"
            + " AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.ordering = o.ordering AND e.state = 'PENDING'"
            + " AND e.id < o.id) ORDER BY o.id FETCH FIRST 1 ROWS ONLY", p -> {
              p.set(1, lane).set(2, now);
              for (int i = 0; i < kindList.size(); i++) {
                p.set(3 + i, kindList.get(i));
              }
            }, r -> new Delivery(r.longValue("id"), r.string("effect_key"), r.string("kind"), r.string("lane"),
                Payload.parse(r.string("payload")), r.intValue("attempts"), r.instant("created_at"))));
  }

  void sent(Tx tx, long id, Instant now) throws SQLException {
    tx.update("UPDATE outbox SET state = 'SENT', done_at = ?, last_error = NULL WHERE id = ?",
        p -> p.set(1, now).set(2, id));
  }

  void later(Tx tx, long id, int attempts, Instant next, String why) throws SQLException {
    tx.update("UPDATE outbox SET attempts = ?, next_at = ?, last_error = ? WHERE id = ?",
        p -> p.set(1, attempts).set(2, next).set(3, why, 2000).set(4, id));
  }

  void dead(Tx tx, long id, int attempts, Instant now, String why) throws SQLException {
    tx.update("UPDATE outbox SET state = 'DEAD', attempts = ?, done_at = ?, last_error = ? WHERE id = ?",
        p -> p.set(1, attempts).set(2, now).set(3, why, 2000).set(4, id));
  }

  /** Forgets delivered and dismissed rows done before {@code before}: the keys need not be kept forever. */
  int prune(Instant before) {
    return db.inTransaction("prune the outbox", tx -> tx.update(
        "DELETE FROM outbox WHERE state IN ('SENT', 'DISMISSED') AND done_at < ?", p -> p.set(1, before)));
  }

  Database db() {
    return db;
  }
}

package io.doorman.lease;

import io.doorman.store.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One node's claim on one job that only one node may do at a time: reading a mailbox ({@code
 * mailbox:INBOX@host}), delivering the outbox ({@code outbox}). A row per job (holder, expiry) in
 * {@code leases}: {@link #acquire()} takes it when it is free, or renews it when this node holds
 * it, in one transaction, so of several nodes racing exactly one wins (a conditional update, or
 * the primary key for the first insert). A lease is held while its expiry is after now, and free
 * from the moment it is not; {@link #release()} sets it to the epoch, so it is free at once on
 * every node, whatever their clocks say.
 */
public final class Lease {

  /** Who holds a lease, until when. */
  public record Holder(String owner, Instant expiresAt) {}

  private final Database db;
  private final String name;
  private final Supplier<String> ownerName;
  private volatile String owner;
  private final Clock clock;
  private final Duration ttl;

  public Lease(Database db, String name, String owner, Clock clock, Duration ttl) {
    this(db, name, () -> owner, clock, ttl);
  }

  private Lease(Database db, String name, Supplier<String> owner, Clock clock, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease needs a positive duration, not " + ttl);
    }
    this.db = db;
    this.name = name;
    this.ownerName = owner;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * The lease {@code name} held as this process ({@link #nodeName(Database)}), the name settled
   * when it is first needed: by then the store is open, and building this waits for nothing.
   */
  public static Lease forThisProcess(Database db, String name, Clock clock, Duration ttl) {
    return new Lease(db, name, () -> nodeName(db), clock, ttl);
  }

  public String name() {
    return name;
  }

  public String owner() {
    String o = owner;
    if (o == null) {
      o = ownerName.get();
      owner = o;
    }
    return o;
  }

  public Duration ttl() {
    return ttl;
  }

  /** Takes or renews the lease; true when this node holds it until now + ttl. */
  public boolean acquire() {
    Instant now = clock.instant();
    Instant until = now.plus(ttl);
    String owner = owner();
    return db.inTransaction("take the lease " + name, tx -> {
      if (tx.update("UPDATE leases SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at <= ?)",
          p -> p.set(1, owner).set(2, until).set(3, name).set(4, owner).set(5, now)) == 1) {
        return true;
      }
      // The first claim on this job; another node's insert winning the race means it is taken.
      return tx.one("SELECT 1 FROM leases WHERE name = ?", p -> p.set(1, name), r -> true).isEmpty()
          && tx.insertUnlessTaken("INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)",
              p -> p.set(1, name).set(2, owner).set(3, until));
    });
  }

  /** Gives the lease up at once (on shutdown), so another node need not wait for it to expire. */
  public void release() {
    String owner = owner();
    db.inTransaction("release the lease " + name, tx -> tx.update(
        "UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?",
        p -> p.set(1, Instant.EPOCH).set(2, name).set(3, owner)));
  }

  /** Who holds the lease now; empty when nobody does (or it expired). */
  public Optional<Holder> holder() {
    Instant now = clock.instant();
    return db.inTransaction("read the lease " + name, tx -> tx.one(
        "SELECT holder, expires_at FROM leases WHERE name = ?", p -> p.set(1, name),
        r -> new Holder(r.string("holder"), r.instant("expires_at"))))
        .filter(h -> h.expiresAt().isAfter(now));
  }

  /**
   * Who this process is, as a lease holder. On an embedded database only one process at a time
   * opens the store, so whoever held a lease before is this process's own past (killed, say):
   * the same name takes the lease back at once instead of waiting for it to expire. On a shared
   * database, {@link #nodeName()}.
   */
  public static String nodeName(Database db) {
    return db.embedded() ? "this process (embedded store)" : nodeName();
  }

  /** host:pid:random, so two processes on one host are two owners. */
  public static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
  }
}

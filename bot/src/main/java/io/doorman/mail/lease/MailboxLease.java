package io.doorman.mail.lease;

import io.doorman.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One node's claim on one mailbox. {@link #acquire()} takes the lease when it is free or expired,
 * or renews it when this node holds it, in one transaction: of several nodes racing, exactly one
 * wins (a conditional update, or the primary key for the first insert).
 */
public final class MailboxLease {

  /** Who holds a mailbox, until when. */
  public record Holder(String owner, Instant expiresAt) {}

  private final Database db;
  private final String mailbox;
  private final String owner;
  private final Clock clock;
  private final Duration ttl;

  public MailboxLease(Database db, String mailbox, String owner, Clock clock, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease needs a positive duration, not " + ttl);
    }
    this.db = db;
    this.mailbox = mailbox;
    this.owner = owner;
    this.clock = clock;
    this.ttl = ttl;
  }

  public String owner() {
    return owner;
  }

  public Duration ttl() {
    return ttl;
  }

  /** Takes or renews the lease; true when this node holds it until now + ttl. */
  public boolean acquire() {
    Instant now = clock.instant();
    return db.inTransaction("take the lease on " + mailbox, tx -> {
      if (tx.update("UPDATE mailbox_leases SET owner = ?, expires_at = ? WHERE mailbox = ? AND (owner = ? OR expires_at <= ?)",
          p -> p.set(1, owner).set(2, now.plus(ttl)).set(3, mailbox).set(4, owner).set(5, now)) == 1) {
        return true;
      }
      // The first lease on this mailbox; another node's insert winning the race means it is taken.
      return tx.one("SELECT 1 FROM mailbox_leases WHERE mailbox = ?", p -> p.set(1, mailbox), r -> true).isEmpty()
          && tx.insertUnlessTaken("INSERT INTO mailbox_leases (mailbox, owner, expires_at) VALUES (?, ?, ?)",
              p -> p.set(1, mailbox).set(2, owner).set(3, now.plus(ttl)));
    });
  }

  /** Gives the lease up at once (on shutdown), so another node need not wait for it to expire. */
  public void release() {
    Instant now = clock.instant();
    db.inTransaction("release the lease on " + mailbox, tx -> tx.update(
        "UPDATE mailbox_leases SET expires_at = ? WHERE mailbox = ? AND owner = ?",
        p -> p.set(1, now).set(2, mailbox).set(3, owner)));
  }

  /** Who holds the mailbox now; empty when nobody does (or the lease expired). */
  public Optional<Holder> holder() {
    Instant now = clock.instant();
    return db.inTransaction("read the lease on " + mailbox, tx -> tx.one(
        "SELECT owner, expires_at FROM mailbox_leases WHERE mailbox = ?", p -> p.set(1, mailbox),
        r -> new Holder(r.string("owner"), r.instant("expires_at")))
        .filter(h -> h.expiresAt().isAfter(now)));
  }
}

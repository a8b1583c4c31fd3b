package io.doorman.mail.lease;

import io.doorman.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    return db.inTransaction("take the lease on " + mailbox, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE mailbox_leases SET owner = ?, expires_at = ? WHERE mailbox = ? AND (owner = ? OR expires_at <= ?)")) {
        ps.setString(1, owner);
        ps.setObject(2, at(now.plus(ttl)));
        ps.setString(3, mailbox);
        ps.setString(4, owner);
        ps.setObject(5, at(now));
        if (ps.executeUpdate() == 1) {
          return true;
        }
      }
      return insert(c, now);
    });
  }

  /** Gives the lease up at once (on shutdown), so another node need not wait for it to expire. */
  public void release() {
    Instant now = clock.instant();
    db.inTransaction("release the lease on " + mailbox, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE mailbox_leases SET expires_at = ? WHERE mailbox = ? AND owner = ?")) {
        ps.setObject(1, at(now));
        ps.setString(2, mailbox);
        ps.setString(3, owner);
        return ps.executeUpdate();
      }
    });
  }

  /** Who holds the mailbox now; empty when nobody does (or the lease expired). */
  public Optional<Holder> holder() {
    Instant now = clock.instant();
    return db.inTransaction("read the lease on " + mailbox, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT owner, expires_at FROM mailbox_leases WHERE mailbox = ?")) {
        ps.setString(1, mailbox);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
          return expires.isAfter(now) ? Optional.of(new Holder(rs.getString("owner"), expires)) : Optional.empty();
        }
      }
    });
  }

  /** The first lease on this mailbox; another node's insert winning the race means it is taken. */
  private boolean insert(Connection c, Instant now) throws SQLException {
    try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM mailbox_leases WHERE mailbox = ?")) {
      check.setString(1, mailbox);
      try (ResultSet rs = check.executeQuery()) {
        if (rs.next()) {
          return false; // held by someone else, not expired
        }
      }
    }
    return db.insertIfAbsent(c, "INSERT INTO mailbox_leases (mailbox, owner, expires_at) VALUES (?, ?, ?)",
        ps -> {
          ps.setString(1, mailbox);
          ps.setString(2, owner);
          ps.setObject(3, at(now.plus(ttl)));
        });
  }

  private static OffsetDateTime at(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}

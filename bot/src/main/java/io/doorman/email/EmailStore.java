package io.doorman.email;

import io.doorman.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the email channel remembers: who forwarded which invitation, and which digests went out. */
final class EmailStore {

  private final Database db;

  EmailStore(Database db) {
    this.db = db;
  }

  /** Records that {@code forwarder} forwarded the invitation; true the first time only. */
  boolean recordForward(long invitationId, String forwarder, Instant at) {
    String who = forwarder.toLowerCase(Locale.ROOT);
    return db.inTransaction("remember who forwarded invitation " + invitationId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM email_forwards WHERE invitation_id = ? AND forwarder = ?")) {
        ps.setLong(1, invitationId);
        ps.setString(2, who);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      return db.insertIfAbsent(c, "INSERT INTO email_forwards (invitation_id, forwarder, forwarded_at) VALUES (?, ?, ?)",
          ps -> {
            ps.setLong(1, invitationId);
            ps.setString(2, who);
            ps.setObject(3, at.atOffset(ZoneOffset.UTC));
          });
    });
  }

  /** A forward whose verdict has not gone out yet. */
  record Unreplied(long invitationId, String forwarder) {}

  /**
   * Claims the reply to one forward for this node (so two nodes don't both send it); false when
   * it was sent or claimed already.
   */
  boolean claimReply(long invitationId, String forwarder, Instant at) {
    return db.inTransaction("claim the reply on invitation " + invitationId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE email_forwards SET replied_at = ? WHERE invitation_id = ? AND forwarder = ? AND replied_at IS NULL")) {
        ps.setObject(1, at.atOffset(ZoneOffset.UTC));
        ps.setLong(2, invitationId);
        ps.setString(3, forwarder.toLowerCase(Locale.ROOT));
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** The reply could not be sent: it is due again. */
  void unclaimReply(long invitationId, String forwarder) {
    db.inTransaction("release the reply on invitation " + invitationId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE email_forwards SET replied_at = NULL WHERE invitation_id = ? AND forwarder = ?")) {
        ps.setLong(1, invitationId);
        ps.setString(2, forwarder.toLowerCase(Locale.ROOT));
        return ps.executeUpdate();
      }
    });
  }

  /** Forwards whose verdict has not gone out, oldest first. */
  List<Unreplied> unreplied() {
    return db.inTransaction("read unsent replies", c -> {
      List<Unreplied> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT invitation_id, forwarder FROM email_forwards WHERE replied_at IS NULL ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Unreplied(rs.getLong(1), rs.getString(2)));
        }
      }
      return out;
    });
  }

  /** Everyone who forwarded this invitation, first forwarder first. */
  List<String> forwardersOf(long invitationId) {
    return db.inTransaction("read who forwarded invitation " + invitationId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT forwarder FROM email_forwards WHERE invitation_id = ? ORDER BY id")) {
        ps.setLong(1, invitationId);
        return strings(ps);
      }
    });
  }

  /** Everyone who ever forwarded anything. */
  List<String> forwarders() {
    return db.inTransaction("read forwarders", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT forwarder FROM email_forwards ORDER BY forwarder")) {
        return strings(ps);
      }
    });
  }

  /** Claims the digest of {@code day} for this node; false when it was already sent (by anyone). */
  boolean claimDigest(LocalDate day, Instant at) {
    return db.inTransaction("claim the digest of " + day, c -> db.insertIfAbsent(c,
        "INSERT INTO email_digests (digest_day, sent_at) VALUES (?, ?)", ps -> {
          ps.setString(1, day.toString());
          ps.setObject(2, at.atOffset(ZoneOffset.UTC));
        }));
  }

  private static List<String> strings(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}

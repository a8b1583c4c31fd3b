package io.doorman.email;

import io.doorman.store.Database;
import java.time.Instant;
import java.time.LocalDate;
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
    return db.inTransaction("remember who forwarded invitation " + invitationId, tx ->
        tx.one("SELECT 1 FROM email_forwards WHERE invitation_id = ? AND forwarder = ?",
            p -> p.set(1, invitationId).set(2, who), r -> true).isEmpty()
        && tx.insertUnlessTaken("INSERT INTO email_forwards (invitation_id, forwarder, forwarded_at) VALUES (?, ?, ?)",
            p -> p.set(1, invitationId).set(2, who).set(3, at)));
  }

  /** A forward whose verdict has not gone out yet. */
  record Unreplied(long invitationId, String forwarder) {}

  /**
   * Claims the reply to one forward for this node (so two nodes don't both send it); false when
   * it was sent or claimed already.
   */
  boolean claimReply(long invitationId, String forwarder, Instant at) {
    return db.inTransaction("claim the reply on invitation " + invitationId, tx -> tx.update(
        "UPDATE email_forwards SET replied_at = ? WHERE invitation_id = ? AND forwarder = ? AND replied_at IS NULL",
        p -> p.set(1, at).set(2, invitationId).set(3, forwarder.toLowerCase(Locale.ROOT))) == 1);
  }

  /** The reply could not be sent: it is due again. */
  void unclaimReply(long invitationId, String forwarder) {
    db.inTransaction("release the reply on invitation " + invitationId, tx -> tx.update(
        "UPDATE email_forwards SET replied_at = NULL WHERE invitation_id = ? AND forwarder = ?",
        p -> p.set(1, invitationId).set(2, forwarder.toLowerCase(Locale.ROOT))));
  }

  /** Forwards whose verdict has not gone out, oldest first. */
  List<Unreplied> unreplied() {
    return db.inTransaction("read unsent replies", tx -> tx.query(
        "SELECT invitation_id, forwarder FROM email_forwards WHERE replied_at IS NULL ORDER BY id",
        p -> {}, r -> new Unreplied(r.longValue(1), r.string(2))));
  }

  /** Everyone who forwarded this invitation, first forwarder first. */
  List<String> forwardersOf(long invitationId) {
    return db.inTransaction("read who forwarded invitation " + invitationId, tx -> tx.query(
        "SELECT forwarder FROM email_forwards WHERE invitation_id = ? ORDER BY id",
        p -> p.set(1, invitationId), r -> r.string(1)));
  }

  /** Everyone who ever forwarded anything. */
  List<String> forwarders() {
    return db.inTransaction("read forwarders", tx -> tx.query(
        "SELECT DISTINCT forwarder FROM email_forwards ORDER BY forwarder", p -> {}, r -> r.string(1)));
  }

  /** Claims the digest of {@code day} for this node; false when it was already sent (by anyone). */
  boolean claimDigest(LocalDate day, Instant at) {
    return db.inTransaction("claim the digest of " + day, tx -> tx.insertUnlessTaken(
        "INSERT INTO email_digests (digest_day, sent_at) VALUES (?, ?)", p -> p.set(1, day.toString()).set(2, at)));
  }
}

package io.doorman.email;

import io.doorman.store.Database;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the email channel remembers: who forwarded which invitation (they get its letters). */
final class EmailStore {

  private final Database db;

  EmailStore(Database db) {
    this.db = db;
  }

  /** Records that {@code forwarder} forwarded the invitation, in the caller's transaction; true the first time only. */
  boolean recordForward(Tx tx, long invitationId, String forwarder, Instant at) throws SQLException {
    String who = forwarder.toLowerCase(Locale.ROOT);
    return tx.one("SELECT 1 FROM email_forwards WHERE invitation_id = ? AND forwarder = ?",
            p -> p.set(1, invitationId).set(2, who), r -> true).isEmpty()
        && tx.insertUnlessTaken("INSERT INTO email_forwards (invitation_id, forwarder, forwarded_at) VALUES (?, ?, ?)",
            p -> p.set(1, invitationId).set(2, who).set(3, at));
  }

  /** Everyone who forwarded this invitation, first forwarder first. */
  List<String> forwardersOf(Tx tx, long invitationId) throws SQLException {
    return tx.query("SELECT forwarder FROM email_forwards WHERE invitation_id = ? ORDER BY id",
        p -> p.set(1, invitationId), r -> r.string(1));
  }

  List<String> forwardersOf(long invitationId) {
    return db.inTransaction("read who forwarded invitation " + invitationId, tx -> forwardersOf(tx, invitationId));
  }

  /** Everyone who ever forwarded anything. */
  List<String> forwarders() {
    return db.inTransaction("read forwarders", tx -> tx.query(
        "SELECT DISTINCT forwarder FROM email_forwards ORDER BY forwarder", Tx.Binder.NONE, r -> r.string(1)));
  }
}

package io.doorman.store;

import io.doorman.lifecycle.Actor;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The "Have we met?" as it was asked (edited or the policy's), one per invitation: the latest. */
public final class AskedQuestions {

  /** A question as asked: its text, by whom and when. */
  public record Asked(String question, String askedBy, Instant askedAt) {}

  static final int MAX = 4000;

  private AskedQuestions() {}

  /** Records the question asked now, replacing an earlier one, in the decision's transaction. */
  public static void save(Tx tx, long invitationId, String question, Actor by, Instant at) throws SQLException {
    tx.update("DELETE FROM questions WHERE invitation_id = ?", p -> p.set(1, invitationId));
    tx.update("INSERT INTO questions (invitation_id, question, asked_by, asked_at) VALUES (?, ?, ?, ?)",
        p -> p.set(1, invitationId).set(2, question, MAX).set(3, by.id(), 300).set(4, at));
  }

  public static Optional<Asked> find(Tx tx, long invitationId) throws SQLException {
    return tx.one("SELECT question, asked_by, asked_at FROM questions WHERE invitation_id = ?",
        p -> p.set(1, invitationId), r -> new Asked(r.string("question"), r.string("asked_by"), r.instant("asked_at")));
  }
}

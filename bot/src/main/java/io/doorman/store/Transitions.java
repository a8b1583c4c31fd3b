package io.doorman.store;

import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.State;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lifecycle's share of the store: where an invitation stands, the optimistic update that moves
 * it, and the audit row that goes with every move, in the caller's transaction. Which move is
 * allowed is not decided here ({@code decisions} and {@link io.doorman.lifecycle.State} say so);
 * this only makes sure that nobody changed the invitation between the read and the write.
 */
public final class Transitions {

  /**
   * Where an invitation stands: its state, who put it there and when, its row's version, and whom
   * it is for (what a channel routes by).
   */
  public record Standing(long invitationId, State state, String by, Instant at, int version,
      Optional<String> recipient) {}

  /** One audit row to write. */
  public record AuditRow(long invitationId, Instant at, Actor actor, Optional<State> from, State to,
      Optional<String> detail) {}

  static final String INSERT_AUDIT =
      "INSERT INTO audit_log (invitation_id, at, actor, actor_name, channel, from_state, to_state, detail)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private Transitions() {}

  public static Optional<Standing> standing(Tx tx, long id) throws SQLException {
    return tx.one("SELECT state, state_by, state_at, version, recipient FROM invitations WHERE id = ?",
        p -> p.set(1, id), r -> new Standing(id, r.enumValue("state", State.class), r.string("state_by"),
            r.instant("state_at"), r.intValue("version"), r.optional("recipient")));
  }

  /**
   * Moves the invitation to {@code target} if it is still at {@code from.version()}, and writes the
   * audit row: the new version, or empty when someone else moved it first (nothing written). A
   * move to ASKED (re)starts the follow-up clock.
   */
  public static OptionalInt move(Tx tx, Standing from, State target, Actor actor, Instant now,
      Optional<String> detail) throws SQLException {
    String askedAt = target == State.ASKED ? ", asked_at = ?" : "";
    int changed = tx.update("UPDATE invitations SET state = ?, state_by = ?, state_at = ?, version = version + 1"
        + askedAt + " WHERE id = ? AND version = ?", p -> {
          int i = 1;
          p.set(i++, target).set(i++, actor.id(), 300).set(i++, now);
          if (target == State.ASKED) {
            p.set(i++, now);
          }
          p.set(i++, from.invitationId()).set(i, from.version());
        });
    if (changed == 0) {
      return OptionalInt.empty();
    }
    audit(tx, new AuditRow(from.invitationId(), now, actor, Optional.of(from.state()), target, detail));
    return OptionalInt.of(from.version() + 1);
  }

  /** Writes one audit row now. */
  static void audit(Tx tx, AuditRow row) throws SQLException {
    tx.update(INSERT_AUDIT, p -> bind(p, row));
  }

  static void bind(Params p, AuditRow row) throws SQLException {
    p.set(1, row.invitationId()).set(2, row.at()).set(3, row.actor().id(), 300).set(4, row.actor().name(), 300)
        .set(5, row.actor().channel().wireName()).set(6, row.from().map(State::name)).set(7, row.to())
        .set(8, row.detail(), 2000);
  }
}

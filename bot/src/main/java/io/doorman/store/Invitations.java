package io.doorman.store;

import io.doorman.lifecycle.State;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the store answers about invitations: one by id, pages of a {@link Filter} (keyset paging on
 * state, state time and id: a limit and a cursor, never a whole state), counts, history, answers
 * and questions, and which follow-ups are due. Every method is one short read transaction.
 */
public final class Invitations {

  /** Which way a page runs: the longest waiting first, or the latest decided first. */
  public enum Order { OLDEST_FIRST, NEWEST_FIRST }

  private final Database db;

  public Invitations(Database db) {
    this.db = db;
  }

  /** Asks the invitations table the smallest question there is; throws when the store does not answer. */
  public void ping() {
    db.inTransaction("reach the store", tx -> tx.one("SELECT id FROM invitations FETCH FIRST 1 ROWS ONLY",
        Tx.Binder.NONE, r -> r.longValue(1)));
  }

  public Optional<StoredInvitation> find(long id) {
    return db.inTransaction("read invitation " + id, tx -> find(tx, id));
  }

  /** The invitation, read in the caller's transaction. */
  public static Optional<StoredInvitation> find(Tx tx, long id) throws SQLException {
    return tx.one("SELECT " + Rows.INVITATION_COLUMNS + " FROM invitations WHERE id = ?", p -> p.set(1, id),
        Rows::invitation);
  }

  /**
   * At most {@code limit} invitations that {@code filter} takes, ordered by state, then the time
   * they entered it, then id, from just after {@code after}; and the cursor of the next page.
   */
  public Page<StoredInvitation> page(Filter filter, Order order, Optional<Cursor> after, int limit) {
    String dir = order == Order.OLDEST_FIRST ? "ASC" : "DESC";
    Where w = Where.of(filter);
    after.ifPresent(c -> w.after(c, filter.state().isPresent(), order == Order.OLDEST_FIRST ? ">" : "<"));
    String sql = "SELECT " + Rows.INVITATION_COLUMNS + " FROM invitations" + w.sql()
        + " ORDER BY state " + dir + ", state_at " + dir + ", id " + dir + " FETCH FIRST " + (limit + 1) + " ROWS ONLY";
    List<StoredInvitation> rows = db.inTransaction("list invitations", tx -> tx.query(sql, w::bind, Rows::invitation));
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    StoredInvitation last = rows.get(limit - 1);
    return new Page<>(rows.subList(0, limit), Optional.of(new Cursor(last.state(), last.stateAt(), last.id())));
  }

  /** How many invitations {@code filter} takes, for "showing 100 of 2,345". */
  public long count(Filter filter) {
    Where w = Where.of(filter);
    return db.inTransaction("count invitations", tx -> tx.one("SELECT COUNT(*) FROM invitations" + w.sql(), w::bind,
        r -> r.longValue(1)).orElse(0L));
  }

  /** A WHERE clause and its parameters, built in step, the parameters numbered as they come. */
  private static final class Where {
    private final List<String> clauses = new ArrayList<>();
    private final List<Tx.Binder> binds = new ArrayList<>();

    @FunctionalInterface
    interface Param {
      void set(Params p, int index) throws SQLException;
    }

    static Where of(Filter f) {
      Where w = new Where();
      f.state().ifPresent(s -> w.add("state = ?", (p, i) -> p.set(i, s)));
      f.category().ifPresent(c -> w.add("category = ?", (p, i) -> p.set(i, c)));
      f.recipient().ifPresent(r -> w.add("LOWER(recipient) = ?", (p, i) -> p.set(i, fold(r))));
      f.sender().ifPresent(s -> w.add("LOWER(sender_name) LIKE ? ESCAPE '!'", (p, i) -> p.set(i, contains(s))));
      f.text().ifPresent(t -> w.add("(LOWER(sender_name) LIKE ? ESCAPE '!' OR LOWER(sender_headline) LIKE ? ESCAPE '!'"
          + " OR LOWER(note) LIKE ? ESCAPE '!')",
          (p, i) -> p.set(i, contains(t)), (p, i) -> p.set(i, contains(t)), (p, i) -> p.set(i, contains(t))));
      f.seenSince().ifPresent(t -> w.add("first_seen > ?", (p, i) -> p.set(i, t)));
      return w;
    }

    /** Rows beyond the cursor in the order's direction ({@code >} or {@code <}). */
    void after(Cursor c, boolean oneState, String beyond) {
      String timeThenId = "(state_at " + beyond + " ? OR (state_at = ? AND id " + beyond + " ?))";
      if (oneState) { // the state is fixed: the key is (time, id)
        add(timeThenId, (p, i) -> p.set(i, c.at()), (p, i) -> p.set(i, c.at()), (p, i) -> p.set(i, c.id()));
      } else {
        add("(state " + beyond + " ? OR (state = ? AND " + timeThenId + "))", (p, i) -> p.set(i, c.state()),
            (p, i) -> p.set(i, c.state()), (p, i) -> p.set(i, c.at()), (p, i) -> p.set(i, c.at()),
            (p, i) -> p.set(i, c.id()));
      }
    }

    void add(String clause, Param... params) {
      clauses.add(clause);
      for (Param param : params) {
        int index = binds.size() + 1;
        binds.add(p -> param.set(p, index));
      }
    }

    String sql() {
      return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    void bind(Params p) throws SQLException {
      for (Tx.Binder b : binds) {
        b.bind(p);
      }
    }
  }

  private static String fold(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /** A LIKE pattern for "contains", the text's own wildcards escaped. */
  private static String contains(String s) {
    return "%" + fold(s).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  public Map<State, Integer> countsByState() {
    return db.inTransaction("count invitations", tx -> {
      Map<State, Integer> counts = new EnumMap<>(State.class);
      tx.query("SELECT state, COUNT(*) AS n FROM invitations GROUP BY state", Tx.Binder.NONE,
          r -> counts.put(r.enumValue("state", State.class), r.intValue("n")));
      return counts;
    });
  }

  public List<AuditEntry> history(long invitationId) {
    return db.inTransaction("read history of " + invitationId, tx -> tx.query(
        "SELECT " + Rows.AUDIT_COLUMNS + " FROM audit_log WHERE invitation_id = ? ORDER BY id",
        p -> p.set(1, invitationId), Rows::audit));
  }

  public long auditCount() {
    return db.inTransaction("count audit rows",
        tx -> tx.one("SELECT COUNT(*) FROM audit_log", Tx.Binder.NONE, r -> r.longValue(1)).orElse(0L));
  }

  /** The messages that answered this invitation, oldest first. */
  public List<StoredMessage> answers(long invitationId) {
    return db.inTransaction("read the answers of " + invitationId, tx -> answers(tx, invitationId));
  }

  public static List<StoredMessage> answers(Tx tx, long invitationId) throws SQLException {
    return tx.query("SELECT " + Rows.MESSAGE_COLUMNS + " FROM messages WHERE invitation_id = ? ORDER BY id",
        p -> p.set(1, invitationId), Rows::message);
  }

  /** At most {@code limit} messages that answered no question, from after the message {@code afterId}. */
  public List<StoredMessage> unmatched(long afterId, int limit) {
    return db.inTransaction("read unmatched messages", tx -> tx.query(
        "SELECT " + Rows.MESSAGE_COLUMNS + " FROM messages WHERE invitation_id IS NULL AND id > ? ORDER BY id"
            + " FETCH FIRST " + limit + " ROWS ONLY", p -> p.set(1, afterId), Rows::message));
  }

  public long countUnmatched() {
    return db.inTransaction("count unmatched messages", tx -> tx.one(
        "SELECT COUNT(*) FROM messages WHERE invitation_id IS NULL", Tx.Binder.NONE, r -> r.longValue(1)).orElse(0L));
  }

  /** The question last asked of this invitation's sender, as asked. */
  public Optional<AskedQuestions.Asked> question(long invitationId) {
    return db.inTransaction("read the question of invitation " + invitationId,
        tx -> AskedQuestions.find(tx, invitationId));
  }

  /** At most {@code limit} ASKED invitations whose question was asked at or before {@code askedBy}. */
  public List<Long> dueForFollowUp(Instant askedBy, int limit) {
    // An ASKED invitation's state time is when it was asked: the index on (state, state_at) finds them.
    return db.inTransaction("find due follow-ups", tx -> tx.query(
        "SELECT id FROM invitations WHERE state = 'ASKED' AND state_at <= ? AND asked_at <= ? ORDER BY state_at, id"
            + " FETCH FIRST " + limit + " ROWS ONLY", p -> p.set(1, askedBy).set(2, askedBy), r -> r.longValue("id")));
  }

  public long countDueForFollowUp(Instant askedBy) {
    return db.inTransaction("count due follow-ups", tx -> tx.one(
        "SELECT COUNT(*) FROM invitations WHERE state = 'ASKED' AND state_at <= ? AND asked_at <= ?",
        p -> p.set(1, askedBy).set(2, askedBy), r -> r.longValue(1)).orElse(0L));
  }

  /** At most {@code limit} ASKED or FOLLOW_UP invitations asked at or before {@code askedBy}. */
  public List<Long> dueForAutoDecline(Instant askedBy, int limit) {
    return db.inTransaction("find due auto-declines", tx -> tx.query(
        "SELECT id FROM invitations WHERE (state = 'ASKED' AND state_at <= ? OR state = 'FOLLOW_UP') AND asked_at <= ?"
            + " ORDER BY asked_at, id FETCH FIRST " + limit + " ROWS ONLY",
        p -> p.set(1, askedBy).set(2, askedBy), r -> r.longValue("id")));
  }
}

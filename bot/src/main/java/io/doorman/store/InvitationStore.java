package io.doorman.store;

import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.State;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Person;
import io.doorman.policies.Reply;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Invitations, their answers and their audit log. Every method is one transaction, committed (and
 * so on disk) before it returns; re-ingesting an invitation only counts another sighting.
 */
public final class InvitationStore {

  /** What ingesting one invitation did: stored it as {@code invitationId}, new or seen again. */
  public record Ingested(long invitationId, boolean isNew) {}

  /** What ingesting one message did: answered an asked invitation, was kept unmatched, or was known. */
  public record MessageIngested(boolean alreadySeen, OptionalLong answered) {}

  private final Database db;
  private final Clock clock;

  public InvitationStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ ingest

  public Ingested ingest(Invitation invitation, Verdict verdict) {
    Instant now = clock.instant();
    return inTransaction(
        "store invitation " + invitation.origin().source(), c -> ingest(c, invitation, verdict, now, directly(c)));
  }

  private Ingested ingest(Connection c, Invitation invitation, Verdict verdict, Instant now, AuditSink audit)
      throws SQLException {
    return ingest(c, invitation, verdict, now, audit, Optional.empty());
  }

  /**
   * Stores an invitation or counts another sighting. With {@code sender} (read just before, for
   * the team signals) the look-up by key is skipped: the invitation's own row, when there is one,
   * was among its sender's rows; in the rare case it is stored under another sender link, the
   * insert finds the key taken and counts the sighting all the same.
   */
  private Ingested ingest(
      Connection c, Invitation invitation, Verdict verdict, Instant now, AuditSink audit,
      Optional<SenderRows> sender) throws SQLException {
    if (sender.isPresent() && sender.get().sameInvitation().isPresent()) {
      long id = sender.get().sameInvitation().getAsLong();
      countSighting(c, id, now);
      return new Ingested(id, false);
    }
    OptionalLong known = sender.isPresent() ? OptionalLong.empty() : countSighting(c, invitation.key(), now);
    if (known.isPresent()) {
      return new Ingested(known.getAsLong(), false);
    }
    Optional<Long> id = db.dialect().insertUnlessTaken(INSERT_INVITATION,
        sql -> insert(c, sql, invitation, verdict, now));
    if (id.isEmpty()) {
      // Another node stored it between our look-up and insert: count the sighting instead.
      return new Ingested(countSighting(c, invitation.key(), now).orElseThrow(), false);
    }
    audit.write(id.get(), now, Actor.POLICY, Optional.of(State.NEW), State.PENDING,
        Optional.of(verdict.category().wireName() + " -> " + verdict.action().wireName()));
    return new Ingested(id.get(), true);
  }

  /**
   * A run of ingests on one connection, committed every {@code batchSize} and on {@link
   * Batch#commit()} or {@link Batch#close()}: far fewer disk flushes for a big mailbox. Whatever
   * was not committed when the process dies is simply ingested again next time, since ingest is
   * idempotent.
   */
  public Batch batch(int batchSize) {
    return new Batch(db.connect(), batchSize, false);
  }

  /**
   * A batch for a bulk load that tells nobody outside of its progress until it closes (the command
   * line's {@code ingest} of a mailbox): commits may reach the disk a moment late, and everything is
   * flushed on {@link Batch#close()}. A crash loses at most the last moment of work, which the next
   * run reads again. Sources that acknowledge each email (IMAP, a pipe) use {@link #batch(int)}.
   */
  public Batch bulk(int batchSize) {
    return new Batch(db.connectAlone(), batchSize, true);
  }

  /** See {@link #batch(int)}. */
  public final class Batch implements AutoCloseable {
    private final Connection c;
    private final int size;
    private final boolean bulk;
    private int pending;
    private PreparedStatement queuedAudit;
    private int queued;
    private Optional<SenderRows> lastSender = Optional.empty();

    private Batch(Connection c, int size, boolean bulk) {
      this.c = c;
      this.size = Math.max(1, size);
      this.bulk = bulk;
      try {
        c.setAutoCommit(false);
        if (bulk) {
          db.dialect().beginBulk(c);
        }
      } catch (SQLException e) {
        Database.closeQuietly(c);
        throw new StoreException("cannot start a batch", e);
      }
    }

    public TeamSignals teamSignals(Invitation invitation) {
      return step("read team signals", () -> {
        lastSender = Optional.of(senderRows(c, invitation, clock.instant()));
        return lastSender.get().signals();
      }, false);
    }

    /** Stores an invitation; right after {@link #teamSignals} of it, without looking it up again. */
    public Ingested ingest(Invitation invitation, Verdict verdict) {
      Optional<SenderRows> sender = lastSender.filter(r -> r.key().equals(invitation.key()));
      lastSender = Optional.empty();
      return step("store invitation " + invitation.origin().source(),
          () -> InvitationStore.this.ingest(c, invitation, verdict, clock.instant(), this::queueAudit, sender));
    }

    public MessageIngested ingestMessage(Message message, Reply reply) {
      return step("store message " + message.origin().source(),
          () -> InvitationStore.this.ingestMessage(c, message, reply, clock.instant(), this::queueAudit));
    }

    /**
     * Commits everything so far: on disk when this returns, except in a bulk load, where {@link
     * #close()} makes sure of it.
     */
    public void commit() {
      try {
        flushAudit();
        c.commit();
        pending = 0;
      } catch (SQLException e) {
        throw new StoreException("cannot commit", e);
      }
    }

    /** Audit rows wait for the commit and go in one round trip, in the same transaction. */
    private void queueAudit(
        long id, Instant at, Actor actor, Optional<State> from, State to, Optional<String> detail)
        throws SQLException {
      if (queuedAudit == null) {
        queuedAudit = c.prepareStatement(Transitions.INSERT_AUDIT);
      }
      Transitions.bind(new Params(queuedAudit), new Transitions.AuditRow(id, at, actor, from, to, detail));
      queuedAudit.addBatch();
      queued++;
    }

    private void flushAudit() throws SQLException {
      if (queued > 0) {
        queuedAudit.executeBatch();
        queued = 0;
      }
    }

    /** Commits what is pending; after a bulk load, flushes everything to disk first. */
    @Override
    public void close() {
      try {
        if (pending > 0) {
          flushAudit();
          c.commit();
        }
        if (bulk) {
          db.dialect().endBulk(c);
        }
      } catch (SQLException e) {
        throw new StoreException("cannot commit and close", e);
      } finally {
        Database.closeQuietly(c);
      }
    }

    private <T> T step(String what, Step<T> work) {
      return step(what, work, true);
    }

    private <T> T step(String what, Step<T> work, boolean writes) {
      try {
        T result = work.run();
        if (writes && ++pending >= size) {
          commit();
        }
        return result;
      } catch (SQLException e) {
        try {
          c.rollback();
          pending = 0;
          if (queuedAudit != null) {
            queuedAudit.clearBatch();
            queued = 0;
          }
        } catch (SQLException ignored) {
          // The original failure is the one to report.
        }
        throw new StoreException("cannot " + what, e);
      }
    }
  }

  /** Where a transition's audit row goes: into the table now, or queued until a batch commits. */
  private interface AuditSink {
    void write(long id, Instant at, Actor actor, Optional<State> from, State to, Optional<String> detail)
        throws SQLException;
  }

  private AuditSink directly(Connection c) {
    Tx tx = new Tx(c, db.dialect());
    return (id, at, actor, from, to, detail) ->
        Transitions.audit(tx, new Transitions.AuditRow(id, at, actor, from, to, detail));
  }

  private interface Step<T> {
    T run() throws SQLException;
  }

  private static void countSighting(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE invitations SET sightings = sightings + 1, last_seen = ? WHERE id = ?")) {
      Rows.set(ps, 1, now);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** The id of the invitation with this key, its sighting counted; empty when there is none. */
  private static OptionalLong countSighting(Connection c, String key, Instant now) throws SQLException {
    long id;
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM invitations WHERE invitation_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return OptionalLong.empty();
        }
        id = rs.getLong(1);
      }
    }
    countSighting(c, id, now);
    return OptionalLong.of(id);
  }

  private static final String INSERT_INVITATION =
      "INSERT INTO invitations (invitation_key, recipient, sender_name, sender_headline,"
          + " sender_location, profile_url, accept_url, note, mutual_connections, authenticity,"
          + " language, category, suggested_action, reasons, state, state_by, state_at, version,"
          + " sightings, first_seen, last_seen, source)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?)";

  /** The new invitation's id, or empty when the dialect's {@code sql} found its key taken. */
  private static Optional<Long> insert(Connection c, String sql, Invitation i, Verdict v, Instant now)
      throws SQLException {
    Person p = i.sender();
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      ps.setString(1, Rows.fit(i.key(), 1000));
      Rows.set(ps, 2, i.origin().recipient().map(r -> Rows.fit(r, 300)));
      ps.setString(3, Rows.fit(p.name(), 300));
      Rows.set(ps, 4, p.headline().map(h -> Rows.fit(h, 1000)));
      Rows.set(ps, 5, p.location().map(l -> Rows.fit(l, 300)));
      Rows.set(ps, 6, p.profileUrl().map(u -> Rows.fit(u, 2000)));
      Rows.set(ps, 7, i.acceptUrl().map(u -> Rows.fit(u, 2000)));
      Rows.set(ps, 8, i.note().map(n -> Rows.fit(n, 10000)));
      Rows.set(ps, 9, i.mutualConnections());
      ps.setString(10, i.origin().authenticity().wireName());
      ps.setString(11, i.origin().language().code());
      ps.setString(12, v.category().wireName());
      ps.setString(13, v.action().wireName());
      ps.setString(14, Rows.fit(String.join("\n", v.reasons()), 10000));
      ps.setString(15, State.PENDING.name());
      ps.setString(16, Actor.POLICY.id());
      Rows.set(ps, 17, now);
      Rows.set(ps, 18, now);
      Rows.set(ps, 19, now);
      ps.setString(20, Rows.fit(i.origin().source(), 2000));
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return Optional.of(keys.getLong(1));
      }
    }
  }

  /**
   * Stores a message notification. From a sender whose invitation to the same recipient is ASKED
   * (or waiting for a follow-up), it is the answer: that invitation becomes ANSWERED. Otherwise it
   * is kept, unmatched, to be listed.
   */
  public MessageIngested ingestMessage(Message message, Reply reply) {
    Instant now = clock.instant();
    return inTransaction(
        "store message " + message.origin().source(), c -> ingestMessage(c, message, reply, now, directly(c)));
  }

  private static final String INSERT_MESSAGE =
      "INSERT INTO messages (message_key, sender_name, recipient, body, reply_class,"
          + " suggested_action, invitation_id, received_at, source)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Stores the message unless its key is taken (seen before, or stored by another node just now). */
  private MessageIngested ingestMessage(
      Connection c, Message message, Reply reply, Instant now, AuditSink audit) throws SQLException {
    String key = message.origin().messageId().orElse(message.origin().source() + "|" + message.sender().name()
        + "|" + message.text().hashCode());
    OptionalLong asked = askedInvitation(c, message);
    boolean stored = new Tx(c, db.dialect()).insertUnlessTaken(INSERT_MESSAGE, p -> bindMessage(p, key, message, reply, asked, now));
    if (!stored) {
      return new MessageIngested(true, OptionalLong.empty());
    }
    if (asked.isPresent()) {
      Actor sender = new Actor(message.sender().name(), Channel.INGEST);
      Tx tx = new Tx(c, db.dialect());
      Optional<Transitions.Standing> standing = Transitions.standing(tx, asked.getAsLong());
      if (standing.isEmpty() || !standing.get().state().canMoveTo(State.ANSWERED)) {
        return new MessageIngested(false, OptionalLong.empty());
      }
      String detail = "answered: " + reply.replyClass().wireName() + " -> " + reply.action().wireName();
      // A rare row beside a batch's queued ones: written at once, in the same transaction.
      if (Transitions.move(tx, standing.get(), State.ANSWERED, sender, now, Optional.of(detail)).isEmpty()) {
        return new MessageIngested(false, OptionalLong.empty());
      }
    }
    return new MessageIngested(false, asked);
  }

  private static void bindMessage(
      Params p, String key, Message message, Reply reply, OptionalLong asked, Instant now) throws SQLException {
    p.set(1, key, 1000).set(2, message.sender().name(), 300).set(3, message.origin().recipient(), 300)
        .set(4, message.text(), 10000).set(5, reply.replyClass().wireName()).set(6, reply.action().wireName())
        .set(7, asked).set(8, now).set(9, message.origin().source(), 2000);
  }

  private static OptionalLong askedInvitation(Connection c, Message m) throws SQLException {
    String sql =
        "SELECT id, recipient FROM invitations WHERE LOWER(sender_name) = ? AND state IN ('ASKED', 'FOLLOW_UP')"
            + " ORDER BY state_at DESC";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, m.sender().name().toLowerCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String recipient = rs.getString("recipient");
          boolean sameRecipient =
              recipient == null
                  || m.origin().recipient().isEmpty()
                  || recipient.equalsIgnoreCase(m.origin().recipient().get());
          if (sameRecipient) {
            return OptionalLong.of(rs.getLong("id"));
          }
        }
      }
    }
    return OptionalLong.empty();
  }

  /** Ids of invitations in one of {@code states} whose question was asked at or before {@code askedBy}. */
  public List<Long> askedBefore(List<State> states, Instant askedBy) {
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < states.size(); i++) {
      marks.append(i == 0 ? "?" : ", ?");
    }
    return inTransaction(
        "find due follow-ups",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM invitations WHERE state IN (" + marks + ") AND asked_at <= ? ORDER BY asked_at")) {
            int i = 1;
            for (State s : states) {
              ps.setString(i++, s.name());
            }
            Rows.set(ps, i, askedBy);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
            return ids;
          }
        });
  }

  /**
   * What the team knows about this invitation's sender: when they invited teammates before (other
   * recipients in this store, which serves one team), and whether anyone declined them.
   */
  public TeamSignals teamSignals(Invitation invitation) {
    Instant now = clock.instant();
    return inTransaction("read team signals", c -> teamSignals(c, invitation, now));
  }

  /**
   * What the store holds about an invitation's sender, read in one query: the team signals, and
   * the row of this very invitation when it is stored under the same sender (so ingesting it after
   * needs no second look-up).
   */
  private record SenderRows(String key, TeamSignals signals, OptionalLong sameInvitation) {}

  private static TeamSignals teamSignals(Connection c, Invitation i, Instant now) throws SQLException {
    return senderRows(c, i, now).signals();
  }

  private static SenderRows senderRows(Connection c, Invitation i, Instant now) throws SQLException {
    boolean byProfile = i.sender().profileUrl().isPresent();
    String sql =
        "SELECT id, invitation_key, recipient, first_seen, state FROM invitations WHERE "
            + (byProfile ? "profile_url = ?" : "sender_name = ?");
    List<Duration> ages = new ArrayList<>();
    boolean declined = false;
    OptionalLong same = OptionalLong.empty();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, byProfile ? i.sender().profileUrl().get() : i.sender().name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString("invitation_key").equals(i.key())) {
            same = OptionalLong.of(rs.getLong("id"));
            continue;
          }
          declined |= State.DECLINED.name().equals(rs.getString("state"));
          String recipient = rs.getString("recipient");
          boolean teammate =
              recipient == null || !recipient.equalsIgnoreCase(i.origin().recipient().orElse(""));
          if (teammate) {
            Duration age = Duration.between(Rows.instant(rs, "first_seen"), now);
            ages.add(age.isNegative() ? Duration.ZERO : age);
          }
        }
      }
    }
    return new SenderRows(i.key(), new TeamSignals(ages, declined), same);
  }


  // ------------------------------------------------------------------ queries

  public Optional<StoredInvitation> find(long id) {
    return inTransaction("read invitation " + id, c -> find(c, id));
  }

  /** The question last asked of this invitation's sender, as asked. */
  public Optional<AskedQuestions.Asked> question(long invitationId) {
    return db.inTransaction("read the question of invitation " + invitationId,
        tx -> AskedQuestions.find(tx, invitationId));
  }

  /** The invitation, read in the caller's transaction. */
  public static Optional<StoredInvitation> find(Tx tx, long id) throws SQLException {
    return find(tx.connection(), id);
  }

  private static Optional<StoredInvitation> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + Rows.INVITATION_COLUMNS + " FROM invitations WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Rows.invitation(rs)) : Optional.empty();
      }
    }
  }

  /** Invitations, oldest first, in one state or all. */
  public List<StoredInvitation> list(Optional<State> state) {
    String sql =
        "SELECT " + Rows.INVITATION_COLUMNS + " FROM invitations"
            + (state.isPresent() ? " WHERE state = ?" : "") + " ORDER BY id";
    return inTransaction(
        "list invitations",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (state.isPresent()) {
              ps.setString(1, state.get().name());
            }
            return invitations(ps);
          }
        });
  }

  /** Everything about people whose name contains {@code name} (case-insensitive). */
  public List<StoredInvitation> who(String name) {
    return inTransaction(
        "find " + name,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + Rows.INVITATION_COLUMNS + " FROM invitations WHERE LOWER(sender_name) LIKE ?"
                      + " ORDER BY id")) {
            ps.setString(1, "%" + name.toLowerCase(Locale.ROOT).replace("%", "") + "%");
            return invitations(ps);
          }
        });
  }

  public Map<State, Integer> countsByState() {
    return inTransaction(
        "count invitations",
        c -> {
          Map<State, Integer> counts = new EnumMap<>(State.class);
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT state, COUNT(*) AS n FROM invitations GROUP BY state");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(State.valueOf(rs.getString("state")), rs.getInt("n"));
            }
          }
          return counts;
        });
  }

  public List<AuditEntry> history(long invitationId) {
    return inTransaction(
        "read history of " + invitationId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT invitation_id, at, actor, actor_name, channel, from_state, to_state, detail FROM audit_log"
                      + " WHERE invitation_id = ? ORDER BY id")) {
            ps.setLong(1, invitationId);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(Rows.audit(rs));
              }
            }
            return out;
          }
        });
  }

  /** Messages answering this invitation, or (empty id) every message that matched none. */
  public List<StoredMessage> messages(OptionalLong invitationId) {
    String where = invitationId.isPresent() ? "invitation_id = ?" : "invitation_id IS NULL";
    return inTransaction(
        "read messages",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + Rows.MESSAGE_COLUMNS + " FROM messages WHERE " + where + " ORDER BY id")) {
            if (invitationId.isPresent()) {
              ps.setLong(1, invitationId.getAsLong());
            }
            List<StoredMessage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(Rows.message(rs));
              }
            }
            return out;
          }
        });
  }

  public long auditCount() {
    return inTransaction(
        "count audit rows",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static List<StoredInvitation> invitations(PreparedStatement ps) throws SQLException {
    List<StoredInvitation> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(Rows.invitation(rs));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ transactions

  private <T> T inTransaction(String what, Database.Work<T> work) {
    return db.inConnection(what, work);
  }
}

package io.doorman.store;

import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.Reply;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.Verdict;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Ingest: invitations and messages into the store, one at a time (a transaction each) or in
 * batches on one connection ({@link #batch}, {@link #bulk}). Re-ingesting an invitation only
 * counts another sighting; a message from a sender who was asked is their answer. The statements
 * are {@link IngestSql}'s.
 */
public final class Ingestion {

  /**
   * What ingesting one invitation did: stored it as {@code invitationId}, new or seen again, now
   * seen {@code sightings} times.
   */
  public record Ingested(long invitationId, boolean isNew, int sightings) {}

  /**
   * What ingesting one message did: answered an asked invitation (then at {@code version}), was
   * kept unmatched, or was known already; {@code messageId} is its row (0 when known).
   */
  public record MessageIngested(boolean alreadySeen, OptionalLong answered, long messageId, OptionalInt version,
      Optional<String> recipient) {}

  private final Database db;
  private final Clock clock;

  public Ingestion(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Ingested ingest(Invitation invitation, Verdict verdict) {
    Instant now = clock.instant();
    return db.inTransaction("store invitation " + invitation.origin().source(),
        tx -> IngestSql.ingest(tx, invitation, verdict, now, row -> Transitions.audit(tx, row), Optional.empty()));
  }

  public MessageIngested ingestMessage(Message message, Reply reply) {
    Instant now = clock.instant();
    return db.inTransaction("store message " + message.origin().source(),
        tx -> IngestSql.ingestMessage(tx, message, reply, now));
  }

  /**
   * What the team knows about this invitation's sender: when they invited teammates before (other
   * recipients in this store, which serves one team), and whether anyone declined them.
   */
  public TeamSignals teamSignals(Invitation invitation) {
    Instant now = clock.instant();
    return db.inTransaction("read team signals", tx -> IngestSql.senderRows(tx, invitation, now).signals());
  }

  /**
   * A run of ingests on one connection, committed every {@code batchSize} and on {@link
   * Batch#commit()} or {@link Batch#close()}: far fewer disk flushes for a big mailbox. Whatever
   * was not committed when the process dies is simply ingested again next time, since ingest is
   * idempotent.
   */
  public Batch batch(int batchSize) {
    return new Batch(db.session(false), batchSize, false);
  }

  /**
   * A batch for a bulk load that tells nobody outside of its progress until it closes (the command
   * line's {@code ingest} of a mailbox): commits may reach the disk a moment late, and everything is
   * flushed on {@link Batch#close()}. A crash loses at most the last moment of work, which the next
   * run reads again. Sources that acknowledge each email (IMAP, a pipe) use {@link #batch(int)}.
   */
  public Batch bulk(int batchSize) {
    return new Batch(db.session(true), batchSize, true);
  }

  /** See {@link #batch(int)}. */
  public final class Batch implements AutoCloseable {
    private final Database.Session session;
    private final int size;
    private final boolean bulk;
    private int pending;
    private Tx.Batch queuedAudit;
    private Optional<IngestSql.SenderRows> lastSender = Optional.empty();

    private Batch(Database.Session session, int size, boolean bulk) {
      this.session = session;
      this.size = Math.max(1, size);
      this.bulk = bulk;
      if (bulk) {
        try {
          session.tx().dialect().beginBulk(session.tx().connection());
        } catch (SQLException e) {
          session.close();
          throw StoreException.of("cannot start a bulk load", e);
        }
      }
    }

    /** The batch's unit of work: what is written in it commits with the batch's next commit. */
    public Tx tx() {
      return session.tx();
    }

    public TeamSignals teamSignals(Invitation invitation) {
      return step("read team signals", () -> {
        lastSender = Optional.of(IngestSql.senderRows(tx(), invitation, clock.instant()));
        return lastSender.get().signals();
      }, false);
    }

    /** Stores an invitation; right after {@link #teamSignals} of it, without looking it up again. */
    public Ingested ingest(Invitation invitation, Verdict verdict) {
      Optional<IngestSql.SenderRows> sender = lastSender.filter(r -> r.key().equals(invitation.key()));
      lastSender = Optional.empty();
      return step("store invitation " + invitation.origin().source(),
          () -> IngestSql.ingest(tx(), invitation, verdict, clock.instant(), this::queueAudit, sender), true);
    }

    /**
     * Keeps the email of a notification that could not be read completely, with its original, for
     * a person to look at; true the first time this email is kept.
     */
    public boolean keepForALook(byte[] original, Notification notification, OptionalLong invitationId) {
      return step("keep " + notification.origin().source() + " for a look",
          () -> NeedsALook.keep(tx(), original, notification, invitationId, clock.instant()), true);
    }

    public MessageIngested ingestMessage(Message message, Reply reply) {
      return step("store message " + message.origin().source(),
          () -> IngestSql.ingestMessage(tx(), message, reply, clock.instant()), true);
    }

    /**
     * Commits everything so far: on disk when this returns, except in a bulk load, where {@link
     * #close()} makes sure of it.
     */
    public void commit() {
      try {
        if (queuedAudit != null) {
          queuedAudit.flush();
        }
        session.commit();
        pending = 0;
      } catch (SQLException e) {
        throw StoreException.of("cannot commit", e);
      }
    }

    /** Audit rows wait for the commit and go in one round trip, in the same transaction. */
    private void queueAudit(Transitions.AuditRow row) throws SQLException {
      if (queuedAudit == null) {
        queuedAudit = tx().batch(Transitions.INSERT_AUDIT);
      }
      queuedAudit.add(p -> Transitions.bind(p, row));
    }

    /** Commits what is pending; after a bulk load, flushes everything to disk first. */
    @Override
    public void close() {
      try {
        if (pending > 0) {
          commit();
        }
        if (bulk) {
          tx().dialect().endBulk(tx().connection());
        }
      } catch (SQLException e) {
        throw StoreException.of("cannot commit and close", e);
      } finally {
        session.close();
      }
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
          session.rollback();
          pending = 0;
          if (queuedAudit != null) {
            queuedAudit.clear();
          }
        } catch (SQLException ignored) {
          // The original failure is the one to report.
        }
        throw StoreException.of("cannot " + what, e);
      }
    }
  }

  private interface Step<T> {
    T run() throws SQLException;
  }
}

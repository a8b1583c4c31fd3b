package io.doorman.intake;

import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.Reply;
import io.doorman.policies.Verdict;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Ingestion;
import io.doorman.store.StoreException;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads an email, classifies each notification in it and stores it, telling the event stream
 * what was stored. {@link #take} stores one email in one transaction, committed before it returns
 * (so a source may then acknowledge the email: move it out of the IMAP inbox, answer a pipe with
 * exit 0); {@link #store} adds it to a batch the caller commits.
 */
public final class Intake {

  /** More work in the email's own transaction once it is stored (a reply to its forwarder). */
  @FunctionalInterface
  public interface Also {
    Also NOTHING = (taken, tx) -> {};

    void run(Taken taken, Tx tx) throws SQLException;
  }

  private final MailReader reader;
  private final Policy policy;
  private final Ingestion ingestion;
  private final Events events;

  public Intake(MailReader reader, Policy policy, Ingestion ingestion, Events events) {
    this.reader = reader;
    this.policy = policy;
    this.ingestion = ingestion;
    this.events = events;
  }

  /** Reads, classifies and stores one email; everything in it is on disk when this returns. */
  public Taken take(RawMail mail) throws UnreadableMailException {
    return take(mail, Also.NOTHING);
  }

  /** {@link #take}, with {@code also} done in the same transaction. */
  public Taken take(RawMail mail, Also also) throws UnreadableMailException {
    List<Notification> notifications = reader.read(mail);
    try (Ingestion.Batch batch = ingestion.batch(Integer.MAX_VALUE)) {
      Taken taken = store(mail, notifications, batch);
      try {
        also.run(taken, batch.tx());
      } catch (SQLException e) {
        throw new StoreException("cannot finish storing " + mail.source(), e);
      }
      batch.commit();
      return taken;
    }
  }

  /** Classifies and stores notifications already read, into a batch the caller commits. */
  public Taken store(RawMail mail, List<Notification> notifications, Ingestion.Batch batch) {
    List<Stored> stored = new ArrayList<>(notifications.size());
    for (Notification n : notifications) {
      Stored one = storeOne(n, batch);
      stored.add(one);
      if (n.origin().needsALook()) {
        keepForALook(mail, n, one, batch);
      }
    }
    emit(batch.tx(), new Event.EmailStored(mail.source()));
    return new Taken(mail.source(), List.copyOf(stored));
  }

  private Stored storeOne(Notification n, Ingestion.Batch batch) {
    if (n instanceof Invitation i) {
      Verdict verdict = policy.classify(i, batch.teamSignals(i));
      Ingestion.Ingested ingested = batch.ingest(i, verdict);
      emit(batch.tx(), new Event.InvitationStored(ingested.invitationId(), ingested.isNew(), ingested.sightings(),
          verdict.category().wireName(), i.origin().recipient()));
      return new Stored.InvitationStored(i, verdict, ingested.invitationId(), ingested.isNew());
    }
    if (n instanceof Message m) {
      Reply reply = policy.classifyReply(m);
      Ingestion.MessageIngested result = batch.ingestMessage(m, reply);
      if (result.answered().isPresent()) {
        emit(batch.tx(), new Event.Answered(result.answered().getAsLong(), result.messageId(),
            result.version().orElse(0), result.recipient()));
      }
      return new Stored.MessageStored(m, reply, result.alreadySeen(), result.answered());
    }
    return new Stored.NotStored(n);
  }

  /**
   * A notification that could not be read completely is kept with its email for a person, besides
   * whatever of it was stored; told once per email.
   */
  private void keepForALook(RawMail mail, Notification n, Stored stored, Ingestion.Batch batch) {
    OptionalLong invitation =
        stored instanceof Stored.InvitationStored i ? OptionalLong.of(i.invitationId()) : OptionalLong.empty();
    if (batch.keepForALook(mail.bytes(), n, invitation)) {
      emit(batch.tx(), new Event.NeedsALook(invitation.orElse(0), n.origin().source(), n.origin().problems()));
    }
  }

  private void emit(Tx tx, Event event) {
    try {
      events.emit(tx, event);
    } catch (SQLException e) {
      throw new StoreException("cannot plan what follows " + event, e);
    }
  }
}

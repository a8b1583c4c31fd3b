package io.doorman.intake;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.Reply;
import io.doorman.policies.Verdict;
import io.doorman.policies.engine.Policy;
import io.doorman.store.InvitationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an email, classifies each notification in it and stores it. {@link #take} stores one
 * email in one transaction, committed before it returns (so a source may then acknowledge the
 * email: move it out of the IMAP inbox, answer a pipe with exit 0); {@link #takeInto} adds it to a
 * batch the caller commits.
 */
public final class Intake {

  private final MailReader reader;
  private final Policy policy;
  private final InvitationStore store;
  private final Consumer<Taken> committed;

  public Intake(MailReader reader, Policy policy, InvitationStore store) {
    this(reader, policy, store, taken -> {});
  }

  /**
   * @param committed told of each email {@link #take} has committed, whichever source it came
   *     from (doorman run counts them for /metrics); not called for batches
   */
  public Intake(MailReader reader, Policy policy, InvitationStore store, Consumer<Taken> committed) {
    this.reader = reader;
    this.policy = policy;
    this.store = store;
    this.committed = committed;
  }

  /** Reads, classifies and stores one email; everything in it is on disk when this returns. */
  public Taken take(RawMail mail) throws UnreadableMailException {
    List<Notification> notifications = reader.read(mail);
    try (InvitationStore.Batch batch = store.batch(Integer.MAX_VALUE)) {
      Taken taken = store(mail, notifications, batch);
      batch.commit();
      committed.accept(taken);
      return taken;
    }
  }

  /** Like {@link #take}, into a batch that the caller commits. */
  public Taken takeInto(RawMail mail, InvitationStore.Batch batch) throws UnreadableMailException {
    return store(mail, reader.read(mail), batch);
  }

  /** Classifies and stores notifications already read, into a batch the caller commits. */
  public Taken store(RawMail mail, List<Notification> notifications, InvitationStore.Batch batch) {
    List<Stored> stored = new ArrayList<>(notifications.size());
    for (Notification n : notifications) {
      stored.add(storeOne(n, batch));
    }
    return new Taken(mail.source(), List.copyOf(stored));
  }

  private Stored storeOne(Notification n, InvitationStore.Batch batch) {
    if (n instanceof Invitation i) {
      Verdict verdict = policy.classify(i, batch.teamSignals(i));
      InvitationStore.Ingested ingested = batch.ingest(i, verdict);
      return new Stored.InvitationStored(i, verdict, ingested.invitationId(), ingested.isNew());
    }
    if (n instanceof Message m) {
      Reply reply = policy.classifyReply(m);
      InvitationStore.MessageIngested result = batch.ingestMessage(m, reply);
      return new Stored.MessageStored(m, reply, result.alreadySeen(), result.answered());
    }
    return new Stored.NotStored(n);
  }
}

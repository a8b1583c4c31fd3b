package io.doorman.mail;

import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.imap.Disposition;
import io.doorman.ingest.imap.MailHandler;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.MimeReader;
import io.doorman.intake.Intake;
import io.doorman.intake.Stored;
import io.doorman.intake.Taken;
import io.doorman.mail.gmail.ForwardingConfirmations;
import io.doorman.policies.Other;
import io.doorman.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one email to Doorman's mailbox is, and where it goes: Gmail's forwarding confirmation
 * (logged, processed), an answer to one of Doorman's emails (recorded, processed; forged ones to
 * review), a LinkedIn notification (stored through Intake with its forwarder's reply, processed), or none
 * of these (review). A store failure leaves the email for a retry. Usable by any source.
 */
public final class MailRouter implements MailHandler {

  private static final Logger log = LoggerFactory.getLogger(MailRouter.class);

  private final MimeReader mime = new MimeReader();
  private final Intake intake;
  private final ForwardingConfirmations confirmations;
  private final MailConversation conversation;

  public MailRouter(Intake intake, ForwardingConfirmations confirmations, MailConversation conversation) {
    this.intake = intake;
    this.confirmations = confirmations;
    this.conversation = conversation;
  }

  @Override
  public Disposition handle(RawMail raw) {
    MimeMail mail;
    try {
      mail = mime.read(raw);
    } catch (UnreadableMailException e) {
      log.warn("unreadable: {}", e.getMessage());
      return Disposition.UNREADABLE;
    }
    if (confirmations.recognise(mail).isPresent()) {
      return Disposition.STORED;
    }
    try {
      var answered = conversation.answer(raw, mail);
      if (answered.isPresent()) {
        return answered.get();
      }
      // The reply to the forwarder is planned in the email's own transaction: stored and replied, or neither.
      Taken taken = intake.take(raw, (t, tx) -> conversation.stored(mail, t, tx));
      return isLinkedIn(taken) ? Disposition.STORED : Disposition.NOT_LINKEDIN;
    } catch (UnreadableMailException e) {
      log.warn("unreadable: {}", e.getMessage());
      return Disposition.UNREADABLE;
    } catch (StoreException e) {
      log.warn("{}: not stored, will retry: {}", raw.source(), e.getMessage());
      return Disposition.FAILED;
    }
  }

  /** Anything LinkedIn's: an invitation, a message, or an "accepted" notice (nothing to keep). */
  private static boolean isLinkedIn(Taken taken) {
    return taken.stored().stream()
        .anyMatch(s -> !(s instanceof Stored.NotStored n) || !(n.notification() instanceof Other));
  }
}

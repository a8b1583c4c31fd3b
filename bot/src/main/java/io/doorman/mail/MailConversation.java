package io.doorman.mail;

import io.doorman.ingest.RawMail;
import io.doorman.ingest.imap.Disposition;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.intake.Taken;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.util.Optional;

/** The email channel as mail in sees it: answers to Doorman's emails, and replies to forwarders. */
public interface MailConversation {

  /** Off: no answers recognised, nobody replied to. */
  MailConversation NONE = new MailConversation() {
    @Override
    public Optional<Disposition> answer(RawMail raw, MimeMail mail) {
      return Optional.empty();
    }

    @Override
    public void stored(MimeMail mail, Taken taken, Tx tx) {}
  };

  /**
   * When this email answers one of Doorman's emails, handles it and says where it goes (forged
   * answers: the review folder); empty when it is not an answer.
   */
  Optional<Disposition> answer(RawMail raw, MimeMail mail);

  /** In the transaction that stores {@code mail} as {@code taken}: plan the reply to whoever forwarded it. */
  void stored(MimeMail mail, Taken taken, Tx tx) throws SQLException;
}

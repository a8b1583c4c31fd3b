package io.doorman.ingest.imap;

import io.doorman.ingest.RawMail;

/** Takes one message from the mailbox; its answer decides where the message goes. */
@FunctionalInterface
public interface MailHandler {

  /**
   * Handles one message. Answer {@link Disposition#STORED} only once whatever must not be lost is
   * committed: the message leaves the folder after that. An exception counts as {@link
   * Disposition#FAILED}.
   */
  Disposition handle(RawMail mail);
}

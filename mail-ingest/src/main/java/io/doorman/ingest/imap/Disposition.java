package io.doorman.ingest.imap;

/** What a handler made of one message, and so where the source puts it. */
public enum Disposition {
  /** Stored (committed) or otherwise handled for good: moved to the processed folder, or flagged. */
  STORED,
  /** Readable, but not a LinkedIn notification (nor anything else Doorman handles): to the review folder. */
  NOT_LINKEDIN,
  /** Could not be handled now (the store is down): left where it is and tried again later. */
  FAILED,
  /** Not an email Doorman can read at all: to the review folder, with a log line. */
  UNREADABLE
}

package io.doorman.ingest.imap;

import java.time.Instant;
import java.util.Optional;

/**
 * How the mailbox connection stands, for {@code /readyz} and logs.
 *
 * @param since when it entered this state
 * @param lastError the last connection problem, for a person (no secrets)
 * @param stored messages handled and moved or flagged as processed
 * @param toReview messages moved to the review folder (not LinkedIn's, forged answers, unreadable)
 * @param failed times the handler could not take a message (each left for a retry)
 * @param idles IDLE commands issued so far
 */
public record ImapStatus(
    State state, Instant since, Optional<String> lastError, long stored, long toReview, long failed, long idles) {

  /** Where the connection is. */
  public enum State {
    STARTING,
    CONNECTED,
    RECONNECTING,
    /** The server refused the login several times in a row: waiting long before trying again. */
    LOGIN_REFUSED,
    STOPPED
  }

  public boolean connected() {
    return state == State.CONNECTED;
  }
}

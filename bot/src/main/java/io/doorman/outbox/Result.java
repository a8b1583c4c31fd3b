package io.doorman.outbox;

import io.doorman.store.Tx;
import java.sql.SQLException;
import java.time.Duration;

/** What came of one send, as the sender tells the {@link Relay}. */
public sealed interface Result {

  /** What the sender records of the peer's answer (a Slack message's ts), in the row's own transaction. */
  @FunctionalInterface
  interface Recording {
    Recording NOTHING = tx -> {};

    void run(Tx tx) throws SQLException;
  }

  /** Delivered (or nothing left to deliver): recorded, then the row is done. */
  record Sent(Recording record) implements Result {}

  /** One step of several delivered (one thread post of many to update): the row stays for the next round. */
  record Progress(Recording record) implements Result {}

  /** The peer asks to wait (Slack's 429): not counted as an attempt; the lane rests {@code wait}. */
  record RateLimited(Duration retryAfter) implements Result {}

  /** A failure that may pass (the network, a 4xx of SMTP, Slack's 5xx): tried again after a backoff. */
  record Later(String why) implements Result {}

  /** A failure that will not pass (a 5xx of SMTP, Slack's channel_not_found): parked as dead. */
  record Dead(String why) implements Result {}

  /**
   * The peer refused the credentials (Slack's invalid_auth, token_revoked): parked as dead, and
   * the sender sends nothing more until the dead letter is retried or Doorman restarts.
   */
  record Refused(String why) implements Result {}

  static Result sent() {
    return new Sent(Recording.NOTHING);
  }

  static Result sent(Recording record) {
    return new Sent(record);
  }
}

package io.doorman.outbox;

import java.time.Duration;
import java.util.Set;

/**
 * A channel's way out: delivers the effects of its kinds, one call at a time, and says how fast a
 * lane may go. Sends first, then the {@link Relay} records what it tells (send, then record), so a
 * crash between the two can repeat one send and never lose one.
 */
public interface Sender {

  /** The kinds of effect this sender delivers: {@code slack.post}, {@code email.verdict}. */
  Set<String> kinds();

  /** How long {@code lane} rests between two sends (Slack: a second per channel). */
  Duration pace(String lane);

  /** Delivers one effect; never throws for what the peer answered, only tells. */
  Result send(Delivery delivery);
}

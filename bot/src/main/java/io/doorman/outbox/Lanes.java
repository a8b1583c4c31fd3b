package io.doorman.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Each lane's pace: after a send, rest as long as its sender says (Slack: a second per channel);
 * after a 429, as long as the peer asks, both on a monotonic ticker; after a failure that may pass,
 * until the failed row's next try on the business clock (so an SMTP server that is down is not
 * asked for every letter in turn). Used by the relay's one thread only.
 */
final class Lanes {

  private final LongSupplier nanoTime;
  private final Map<String, Long> restUntilNanos = new HashMap<>();
  private final Map<String, Instant> heldUntil = new HashMap<>();

  Lanes(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  boolean ready(String lane, Instant now) {
    Long rest = restUntilNanos.get(lane);
    if (rest != null && nanoTime.getAsLong() - rest < 0) {
      return false;
    }
    Instant held = heldUntil.get(lane);
    return held == null || !now.isBefore(held);
  }

  /** A send went out: rest {@code pace}. */
  void sent(String lane, Duration pace) {
    rest(lane, pace);
    heldUntil.remove(lane);
  }

  void rest(String lane, Duration wait) {
    restUntilNanos.put(lane, nanoTime.getAsLong() + wait.toNanos());
  }

  /** A send failed in a way that may pass: nothing more in this lane before {@code until}. */
  void hold(String lane, Instant until) {
    heldUntil.put(lane, until);
  }

  /** How long until some resting lane may send again (zero when none rests). */
  Duration untilNextRestEnds() {
    long now = nanoTime.getAsLong();
    long soonest = Long.MAX_VALUE;
    for (long until : restUntilNanos.values()) {
      if (until - now > 0) {
        soonest = Math.min(soonest, until - now);
      }
    }
    return soonest == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(soonest);
  }
}

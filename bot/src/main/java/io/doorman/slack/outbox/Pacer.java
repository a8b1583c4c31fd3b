package io.doorman.slack.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slack's pace, per channel: about one message a second, and after a 429 nothing until its
 * Retry-After has passed. Runs on a monotonic ticker (not the business clock, which tests move by
 * days). Used by the outbox's one thread only.
 */
final class Pacer {

  private final Duration interval;
  private final LongSupplier nanoTime;
  private final Map<String, Long> nextAllowed = new HashMap<>();

  Pacer(Duration interval, LongSupplier nanoTime) {
    this.interval = interval;
    this.nanoTime = nanoTime;
  }

  boolean ready(String channel) {
    return nanoTime.getAsLong() - nextAllowed.getOrDefault(channel, Long.MIN_VALUE / 2) >= 0;
  }

  void sent(String channel) {
    nextAllowed.put(channel, nanoTime.getAsLong() + interval.toNanos());
  }

  void holdOff(String channel, Duration wait) {
    nextAllowed.put(channel, nanoTime.getAsLong() + Math.max(wait.toNanos(), interval.toNanos()));
  }

  /** How long until some channel may be sent to again (zero when one may now). */
  Duration untilNext() {
    long now = nanoTime.getAsLong();
    long soonest = Long.MAX_VALUE;
    for (long next : nextAllowed.values()) {
      soonest = Math.min(soonest, Math.max(0, next - now));
    }
    return soonest == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(soonest);
  }
}

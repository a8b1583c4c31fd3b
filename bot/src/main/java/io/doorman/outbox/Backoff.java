package io.doorman.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed effect is tried again: exponential backoff with jitter, from {@code base} doubling
 * up to {@code cap}, each wait drawn between half of it and all of it (so nodes and rows that fail
 * together do not come back together); and when it is given up, {@code giveUpAfter} after it was
 * enqueued (then it is dead, never retried forever).
 */
public record Backoff(Duration base, Duration cap, Duration giveUpAfter, RandomGenerator random) {

  /** 5 s, 10 s, 20 s … up to 5 minutes between tries; given up after a day. */
  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofDays(1), RandomGenerator.getDefault());
  }

  /** When to try again after the {@code attempts}-th failed try. */
  public Instant next(int attempts, Instant now) {
    long capMillis = cap.toMillis();
    long full = base.toMillis() << Math.min(30, Math.max(0, attempts - 1));
    long wait = Math.min(capMillis, full < 0 ? capMillis : full);
    long jittered = wait / 2 + (long) (random.nextDouble() * (wait - wait / 2 + 1));
    return now.plusMillis(jittered);
  }

  /** Whether an effect enqueued at {@code created} is past trying at {@code now}. */
  public boolean givenUp(Instant created, Instant now) {
    return !now.isBefore(created.plus(giveUpAfter));
  }
}

package io.doorman.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline: no fixed sleeps, fails with what was awaited. */
public final class Eventually {

  private Eventually() {}

  public static void within(Duration deadline, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(10); // a poll interval, not a timing assumption
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}

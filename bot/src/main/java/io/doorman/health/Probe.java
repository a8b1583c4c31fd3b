package io.doorman.health;

import java.util.function.Supplier;

/** A named readiness check: the store, the IMAP connection, Slack's auth.test. */
public record Probe(String name, Supplier<Status> check) {

  /** Runs the check; an exception is "not ready" with its message, never a failed request. */
  Status run() {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return Status.notReady(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}

package io.doorman.lifecycle;

import java.time.Instant;

/** What came of a requested transition: applied, or refused with the reason a person can act on. */
public sealed interface Outcome {

  /** The invitation moved from {@code from} to {@code to}. */
  record Applied(long invitationId, State from, State to) implements Outcome {}

  /**
   * Refused: the invitation is in {@code current}, set by {@code by} at {@code at}, and cannot move
   * to {@code wanted} (or it changed while the request was on its way).
   */
  record Refused(long invitationId, State current, String by, Instant at, State wanted)
      implements Outcome {
    public String message() {
      return "invitation " + invitationId + " is already " + current.name().toLowerCase(java.util.Locale.ROOT)
          + " (by " + by + " at " + at + "); it can't become " + wanted.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** No invitation has that id. */
  record NotFound(long invitationId) implements Outcome {}
}

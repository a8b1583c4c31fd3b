package io.doorman.lifecycle;

import java.time.Instant;
import java.util.Locale;

/** What came of a requested decision: applied, or refused with the reason a person can act on. */
public sealed interface Outcome {

  /** The invitation moved from {@code from} to {@code to}. */
  record Applied(long invitationId, Decision decision, State from, State to) implements Outcome {}

  /**
   * Refused: the invitation is in {@code current}, set by {@code by} at {@code at}, from where
   * {@code wanted} is not allowed (or it changed while the request was on its way).
   */
  record Refused(long invitationId, State current, String by, Instant at, Decision wanted) implements Outcome {
    public String message() {
      String now = "invitation " + invitationId + " is already " + current.name().toLowerCase(Locale.ROOT)
          + " (by " + by + " at " + at + ")";
      return wanted == Decision.WAIT && current != State.ASKED
          ? now + "; only a follow-up can wait"
          : now + "; it can't become " + wanted.target().name().toLowerCase(Locale.ROOT);
    }
  }

  /** No invitation has that id. */
  record NotFound(long invitationId) implements Outcome {}
}

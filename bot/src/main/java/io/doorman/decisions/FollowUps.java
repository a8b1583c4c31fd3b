package io.doorman.decisions;

import io.doorman.store.Invitations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The policy's automatic decisions at a moment: a follow-up for questions asked {@code
 * followUpAfter} ago, an auto-decline after {@code autoDeclineAfter}. {@link #runDue()} is called
 * every minute by {@code doorman run} and directly by tests ("ask, advance ten days, run due,
 * assert"). There is no task table: an invitation's own row (its state and when it was asked)
 * says what is due, and the lifecycle's optimistic update is the claim, so with several nodes on
 * one database each follow-up happens exactly once, an answer (which moves the invitation on)
 * cancels it, and nothing is lost across restarts.
 */
public final class FollowUps {

  /** How many due invitations one look at the store takes at most; it looks again until none are left. */
  private static final int CHUNK = 500;

  private final Invitations store;
  private final Decisions decisions;
  private final Clock clock;
  private final Duration followUpAfter;
  private final Optional<Duration> autoDeclineAfter;

  public FollowUps(Invitations store, Decisions decisions, Clock clock, Duration followUpAfter,
      Optional<Duration> autoDeclineAfter) {
    this.store = store;
    this.decisions = decisions;
    this.clock = clock;
    this.followUpAfter = followUpAfter;
    this.autoDeclineAfter = autoDeclineAfter;
  }

  /** What one run did. */
  public record Run(int followedUp, int declined) {}

  /** Does everything due now; safe to run on several nodes at once. */
  public Run runDue() {
    Instant now = clock.instant();
    int declined = 0;
    if (autoDeclineAfter.isPresent()) {
      Instant askedBy = now.minus(autoDeclineAfter.get());
      String why = "no answer within " + days(autoDeclineAfter.get());
      for (List<Long> due = store.dueForAutoDecline(askedBy, CHUNK); !due.isEmpty();
          due = store.dueForAutoDecline(askedBy, CHUNK)) {
        int before = declined;
        for (long id : due) {
          declined += decisions.autoDecline(id, why) ? 1 : 0;
        }
        if (declined == before) {
          break; // another node moved them all: nothing more of ours
        }
      }
    }
    int followedUp = 0;
    Instant askedBy = now.minus(followUpAfter);
    String why = "no answer within " + days(followUpAfter);
    for (List<Long> due = store.dueForFollowUp(askedBy, CHUNK); !due.isEmpty(); due = store.dueForFollowUp(askedBy, CHUNK)) {
      int before = followedUp;
      for (long id : due) {
        followedUp += decisions.followUp(id, why) ? 1 : 0;
      }
      if (followedUp == before) {
        break;
      }
    }
    return new Run(followedUp, declined);
  }

  /** Follow-ups that would happen at {@code asOf}, without making them. */
  public List<Long> dueAt(Instant asOf, int limit) {
    return store.dueForFollowUp(asOf.minus(followUpAfter), limit);
  }

  /** How many follow-ups are due at {@code asOf} and not made yet. */
  public long countDue(Instant asOf) {
    return store.countDueForFollowUp(asOf.minus(followUpAfter));
  }

  public Duration followUpAfter() {
    return followUpAfter;
  }

  private static String days(Duration d) {
    return d.toDays() + " days";
  }
}

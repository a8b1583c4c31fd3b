package io.doorman.decisions;

import io.doorman.lifecycle.State;
import io.doorman.store.InvitationStore;
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

  private final InvitationStore store;
  private final Decisions decisions;
  private final Clock clock;
  private final Duration followUpAfter;
  private final Optional<Duration> autoDeclineAfter;

  public FollowUps(InvitationStore store, Decisions decisions, Clock clock, Duration followUpAfter,
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
      for (long id : store.askedBefore(List.of(State.ASKED, State.FOLLOW_UP), now.minus(autoDeclineAfter.get()))) {
        if (decisions.autoDecline(id, "no answer within " + days(autoDeclineAfter.get()))) {
          declined++;
        }
      }
    }
    int followedUp = 0;
    for (long id : store.askedBefore(List.of(State.ASKED), now.minus(followUpAfter))) {
      if (decisions.followUp(id, "no answer within " + days(followUpAfter))) {
        followedUp++;
      }
    }
    return new Run(followedUp, declined);
  }

  /** Follow-ups that would happen at {@code asOf}, without making them. */
  public List<Long> dueAt(Instant asOf) {
    return store.askedBefore(List.of(State.ASKED), asOf.minus(followUpAfter));
  }

  public Duration followUpAfter() {
    return followUpAfter;
  }

  private static String days(Duration d) {
    return d.toDays() + " days";
  }
}

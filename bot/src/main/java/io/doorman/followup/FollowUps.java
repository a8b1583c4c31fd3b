package io.doorman.followup;

import io.doorman.lifecycle.Outcome;
import io.doorman.lifecycle.State;
import io.doorman.store.InvitationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs what is due at a moment: follow-ups of questions asked {@code followUpAfter} ago, and
 * auto-declines after {@code autoDeclineAfter}. {@link #runDue()} is called on a schedule by the
 * service and directly by tests ("ask, advance ten days, run due, assert").
 */
public final class FollowUps {

  private final InvitationStore store;
  private final Clock clock;
  private final Duration followUpAfter;
  private final Optional<Duration> autoDeclineAfter;
  private final List<FollowUpListener> listeners = new CopyOnWriteArrayList<>();

  public FollowUps(
      InvitationStore store, Clock clock, Duration followUpAfter, Optional<Duration> autoDeclineAfter) {
    this.store = store;
    this.clock = clock;
    this.followUpAfter = followUpAfter;
    this.autoDeclineAfter = autoDeclineAfter;
  }

  public void subscribe(FollowUpListener listener) {
    listeners.add(listener);
  }

  /** What one run did. */
  public record Run(int followedUp, int declined) {}

  /** Fires everything due now; safe to run on several nodes at once. */
  public Run runDue() {
    Instant now = clock.instant();
    int declined = 0;
    if (autoDeclineAfter.isPresent()) {
      for (long id : store.askedBefore(List.of(State.ASKED, State.FOLLOW_UP), now.minus(autoDeclineAfter.get()))) {
        if (store.moveByPolicy(id, State.DECLINED, "no answer within " + days(autoDeclineAfter.get()))
            instanceof Outcome.Applied) {
          declined++;
          store.find(id).ifPresent(i -> listeners.forEach(l -> l.autoDeclined(i)));
        }
      }
    }
    int followedUp = 0;
    for (long id : store.askedBefore(List.of(State.ASKED), now.minus(followUpAfter))) {
      if (store.moveByPolicy(id, State.FOLLOW_UP, "no answer within " + days(followUpAfter))
          instanceof Outcome.Applied) {
        followedUp++;
        store.find(id).ifPresent(i -> listeners.forEach(l -> l.followUpDue(i)));
      }
    }
    return new Run(followedUp, declined);
  }

  /** Follow-ups that would fire at {@code asOf}, without firing them. */
  public List<Long> dueAt(Instant asOf) {
    return store.askedBefore(List.of(State.ASKED), asOf.minus(followUpAfter));
  }

  private static String days(Duration d) {
    return d.toDays() + " days";
  }
}

package io.doorman.policies.learning;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.TeamSignals;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One labelled invitation to learn from: a person's decision (an action), a correction ("wrong
 * category", with the right one), or an invitation of the built-in seed set (both).
 *
 * @param at when it was decided or corrected; newer ones weigh more
 */
public record Example(
    Invitation invitation,
    TeamSignals team,
    Optional<Category> category,
    Optional<Action> action,
    Instant at,
    Source source) {

  /** Where an example comes from. */
  public enum Source {
    SEED,
    DECISION,
    FEEDBACK
  }

  public Example {
    Objects.requireNonNull(invitation, "invitation");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
    if (category.isEmpty() && action.isEmpty()) {
      throw new IllegalArgumentException("an example needs a category or an action");
    }
  }

  public static Example decision(Invitation invitation, TeamSignals team, Action action,
      Instant at) {
    return new Example(invitation, team, Optional.empty(), Optional.of(action), at,
        Source.DECISION);
  }

  public static Example correction(Invitation invitation, TeamSignals team, Category category,
      Instant at) {
    return new Example(invitation, team, Optional.of(category), Optional.empty(), at,
        Source.FEEDBACK);
  }
}

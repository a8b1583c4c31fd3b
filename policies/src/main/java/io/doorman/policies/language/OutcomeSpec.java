package io.doorman.policies.language;

import io.doorman.policies.Action;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a rule does when it fires.
 *
 * @param points points per label, indexed by the label enum's ordinal ({@code Category} for
 *     invitation rules, {@code ReplyClass} for reply rules)
 * @param forcedLabel ordinal of a label that wins whatever the points say
 * @param forcedAction an action that replaces the winning label's action
 * @param learnedPoints points a learned model spreads over the categories by its probability for
 *     each ({@code then: {learned: 4}}); 0 when none
 */
public record OutcomeSpec(int[] points, OptionalInt forcedLabel, Optional<Action> forcedAction,
    int learnedPoints) {

  public OutcomeSpec {
    points = points.clone();
  }

  public OutcomeSpec(int[] points, OptionalInt forcedLabel, Optional<Action> forcedAction) {
    this(points, forcedLabel, forcedAction, 0);
  }

  @Override
  public int[] points() {
    return points.clone();
  }
}

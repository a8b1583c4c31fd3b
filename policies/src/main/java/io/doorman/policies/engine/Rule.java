package io.doorman.policies.engine;

import io.doorman.policies.language.OutcomeSpec;
import io.doorman.policies.rules.Condition;

/** A rule after layering: possibly switched off or re-weighted by a later layer. */
record Rule(
    String id,
    String description,
    Condition condition,
    OutcomeSpec outcome,
    int[] points,
    boolean enabled,
    String file) {

  Rule withEnabled(boolean on) {
    return new Rule(id, description, condition, outcome, points, on, file);
  }

  Rule withPoints(int[] newPoints) {
    return new Rule(id, description, condition, outcome, newPoints.clone(), enabled, file);
  }
}

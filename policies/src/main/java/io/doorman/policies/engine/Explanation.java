package io.doorman.policies.engine;

import io.doorman.policies.Action;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why the policy decided as it did: the points of every category (or reply class) and every rule
 * that fired.
 *
 * @param label the winning category or reply class, as its wire name
 * @param points points per category or reply class, in tie order
 */
public record Explanation(
    String label, Action action, Map<String, Integer> points, List<FiredRule> fired) {

  /**
   * One rule that fired, with its reason line.
   *
   * @param points what it added, by label wire name (labels it left alone are absent)
   * @param forcedAction the action it forced, if it did
   */
  public record FiredRule(String ruleId, String description, String reason,
      Map<String, Integer> points, Optional<Action> forcedAction) {

    public FiredRule {
      points = Map.copyOf(points);
    }

    /** A line that is no rule's (the fallback, a tie): no points, no action. */
    public FiredRule(String ruleId, String description, String reason) {
      this(ruleId, description, reason, Map.of(), Optional.empty());
    }
  }

  public Explanation {
    points = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(points));
    fired = List.copyOf(fired);
  }

  public List<String> reasons() {
    return fired.stream().map(FiredRule::reason).toList();
  }
}

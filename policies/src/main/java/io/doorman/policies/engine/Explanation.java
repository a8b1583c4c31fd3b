package io.doorman.policies.engine;

import io.doorman.policies.Action;
import java.util.List;
import java.util.Map;

/**
 * Why the policy decided as it did: the points of every category (or reply class) and every rule
 * that fired.
 *
 * @param label the winning category or reply class, as its wire name
 * @param points points per category or reply class, in tie order
 */
public record Explanation(
    String label, Action action, Map<String, Integer> points, List<FiredRule> fired) {

  /** One rule that fired, with its reason line. */
  public record FiredRule(String ruleId, String description, String reason) {}

  public Explanation {
    points = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(points));
    fired = List.copyOf(fired);
  }

  public List<String> reasons() {
    return fired.stream().map(FiredRule::reason).toList();
  }
}

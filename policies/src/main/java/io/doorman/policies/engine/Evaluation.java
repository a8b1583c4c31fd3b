package io.doorman.policies.engine;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.TeamSignals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shadow mode: replays labelled invitations (a labelled set of emails, or what people decided in
 * the store) through a policy and says how far it agrees: agreement, a confusion matrix by
 * category and by action, the rules that misfire most, and the disagreements, most confident
 * first. Nothing is decided.
 */
public final class Evaluation {

  /**
   * One invitation and what people said of it: a category (a label, or a "wrong category"
   * correction), an action (a label, or a decision), or both.
   */
  public record Case(String id, Invitation invitation, TeamSignals team,
      Optional<Category> category, Optional<Action> action) {

    public Case {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(invitation, "invitation");
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(action, "action");
    }
  }

  /**
   * Where the policy and the people disagree.
   *
   * @param margin how sure the policy was: its winning category's points over those of the
   *     labelled one (for an action alone, the winner's points); as sure, in the input's order
   * @param reasons the policy's reasons
   */
  public record Disagreement(String id, Optional<Category> labelledCategory, Category category,
      Optional<Action> labelledAction, Action action, int margin, List<String> reasons) {}

  /** A rule and the disagreements it pushed towards. */
  public record Misfire(String ruleId, int disagreements) {}

  /**
   * @param categories rows: labelled, columns: the policy's, by {@link Category} ordinal
   * @param actions rows: labelled, columns: the policy's, by {@link Action} ordinal
   */
  public record Report(int cases, int categoryRight, int categoryTotal, int actionRight,
      int actionTotal, int[][] categories, int[][] actions, List<Misfire> misfires,
      List<Disagreement> disagreements) {

    public double categoryAgreement() {
      return categoryTotal == 0 ? Double.NaN : categoryRight / (double) categoryTotal;
    }

    public double actionAgreement() {
      return actionTotal == 0 ? Double.NaN : actionRight / (double) actionTotal;
    }
  }

  private Evaluation() {}

  public static Report run(Policy policy, List<Case> cases) {
    int[][] categories = new int[Category.values().length][Category.values().length];
    int[][] actions = new int[Action.values().length][Action.values().length];
    int categoryRight = 0;
    int categoryTotal = 0;
    int actionRight = 0;
    int actionTotal = 0;
    Map<String, Integer> misfires = new LinkedHashMap<>();
    List<Disagreement> disagreements = new ArrayList<>();
    for (Case c : cases) {
      Explanation e = policy.explain(c.invitation(), c.team());
      Category category = category(e.label());
      Action action = e.action();
      boolean wrongCategory = c.category().isPresent() && c.category().get() != category;
      boolean wrongAction = c.action().isPresent() && c.action().get() != action;
      if (c.category().isPresent()) {
        categories[c.category().get().ordinal()][category.ordinal()]++;
        categoryTotal++;
        categoryRight += wrongCategory ? 0 : 1;
      }
      if (c.action().isPresent()) {
        actions[c.action().get().ordinal()][action.ordinal()]++;
        actionTotal++;
        actionRight += wrongAction ? 0 : 1;
      }
      if (!wrongCategory && !wrongAction) {
        continue;
      }
      for (Explanation.FiredRule f : e.fired()) {
        boolean pushedCategory = wrongCategory
            && f.points().getOrDefault(category.wireName(), 0) > 0;
        boolean pushedAction = wrongAction && f.forcedAction().map(a -> a == action)
            .orElse(false);
        if (pushedCategory || pushedAction) {
          misfires.merge(f.ruleId(), 1, Integer::sum);
        }
      }
      int winner = e.points().getOrDefault(category.wireName(), 0);
      int margin = wrongCategory ? winner - e.points().getOrDefault(
          c.category().get().wireName(), 0) : winner;
      disagreements.add(new Disagreement(c.id(), c.category(), category, c.action(), action,
          margin, e.reasons()));
    }
    List<Misfire> byCount = new ArrayList<>();
    misfires.forEach((rule, n) -> byCount.add(new Misfire(rule, n)));
    byCount.sort(Comparator.comparingInt(Misfire::disagreements).reversed()
        .thenComparing(Misfire::ruleId));
    disagreements.sort(Comparator.comparingInt(Disagreement::margin).reversed()); // stable
    return new Report(cases.size(), categoryRight, categoryTotal, actionRight, actionTotal,
        categories, actions, List.copyOf(byCount), List.copyOf(disagreements));
  }

  private static Category category(String wire) {
    for (Category c : Category.values()) {
      if (c.wireName().equals(wire)) {
        return c;
      }
    }
    throw new IllegalStateException("not a category: " + wire);
  }
}

package io.doorman.policies.engine;

import io.doorman.policies.Action;
import io.doorman.policies.rules.Facts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs rules over one invitation or message and adds up their points (SpamAssassin style). The
 * label with most points wins; a tie goes to the label with the stronger evidence (the words of
 * the phrases that gave it points: "we met at" outweighs "demo"), then to the label first in tie
 * order; a rule that forces a label beats points (among several forced labels, tie order again);
 * with no positive points the caller's fallback applies.
 */
final class Scoring {

  private final String[] labels;
  private final int[] tieOrder;
  private final int[] points;
  private final int[] strength;
  private final List<Rule> fired = new ArrayList<>(4);
  /** The points each fired rule added (a rule with learned points adds what the model says). */
  private final List<int[]> added = new ArrayList<>(4);
  private int forced = -1;
  private Action forcedAction;
  private int fellBackTo = -1;
  private int winner = -1;
  private int tiedWith = -1;

  /**
   * @param labels wire names by ordinal
   * @param tieOrder ordinals, first wins a tie
   */
  Scoring(String[] labels, int[] tieOrder) {
    this.labels = labels;
    this.tieOrder = tieOrder;
    this.points = new int[labels.length];
    this.strength = new int[labels.length];
  }

  Scoring run(List<Rule> rules, Facts facts) {
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (!rule.enabled() || !rule.condition().test(facts)) {
        continue;
      }
      fired.add(rule);
      int[] add = rule.outcome().learnedPoints() > 0 ? learnedPoints(rule, facts) : rule.points();
      added.add(add);
      int evidence = -1;
      for (int i = 0; i < add.length; i++) {
        points[i] += add[i];
        if (add[i] > 0) {
          evidence = evidence < 0 ? rule.condition().strength(facts) : evidence;
          strength[i] += evidence;
        }
      }
      if (rule.outcome().forcedLabel().isPresent()) {
        int label = rule.outcome().forcedLabel().getAsInt();
        if (forced < 0 || rank(label) < rank(forced)) {
          forced = label;
        }
      }
      if (rule.outcome().forcedAction().isPresent()) {
        forcedAction = rule.outcome().forcedAction().get();
      }
    }
    return this;
  }

  /**
   * A rule's points plus those a learned model spreads over the categories ({@code then: {learned:
   * N}}): N times the model's probability of each, rounded; none without a model.
   */
  private static int[] learnedPoints(Rule rule, Facts facts) {
    int[] add = rule.points();
    facts.prediction().ifPresent(p -> {
      for (int c = 0; c < add.length; c++) {
        add[c] += (int) Math.round(rule.outcome().learnedPoints() * p.categories()[c]);
      }
    });
    return add;
  }

  /** The winning label's ordinal, or {@code fallback} when nothing scored above zero. */
  int winner(int fallback) {
    if (forced >= 0) {
      return forced;
    }
    int best = -1;
    tiedWith = -1;
    for (int label : tieOrder) {
      if (points[label] <= 0) {
        continue;
      }
      if (best < 0 || points[label] > points[best]) {
        best = label;
        tiedWith = -1;
      } else if (points[label] == points[best]) {
        if (strength[label] > strength[best]) {
          tiedWith = best;
          best = label;
        } else if (tiedWith < 0 || strength[tiedWith] < strength[label]) {
          tiedWith = label;
        }
      }
    }
    if (best < 0) {
      fellBackTo = fallback;
      return fallback;
    }
    winner = best;
    return best;
  }

  Optional<Action> forcedAction() {
    return Optional.ofNullable(forcedAction);
  }

  List<String> reasons(Facts facts) {
    List<String> reasons = new ArrayList<>(fired.size());
    for (int r = 0; r < fired.size(); r++) {
      reasons.add(reason(fired.get(r), added.get(r), facts));
    }
    if (fellBackTo >= 0) {
      reasons.add(fallbackReason());
    }
    tieReason().ifPresent(reasons::add);
    return reasons;
  }

  List<Explanation.FiredRule> firedRules(Facts facts) {
    List<Explanation.FiredRule> out = new ArrayList<>(fired.size());
    for (int r = 0; r < fired.size(); r++) {
      Rule rule = fired.get(r);
      Map<String, Integer> points = new LinkedHashMap<>();
      int[] add = added.get(r);
      for (int label : tieOrder) {
        if (add[label] != 0) {
          points.put(labels[label], add[label]);
        }
      }
      out.add(new Explanation.FiredRule(rule.id(), rule.description(),
          reason(rule, add, facts), points, rule.outcome().forcedAction()));
    }
    if (fellBackTo >= 0) {
      out.add(new Explanation.FiredRule("(fallback)", "no label scored above zero",
          fallbackReason()));
    }
    tieReason().ifPresent(r -> out.add(new Explanation.FiredRule("(tie)",
        "a tie in points settled by evidence strength, then tie order", r)));
    return out;
  }

  Map<String, Integer> pointsByLabel() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int label : tieOrder) {
      out.put(labels[label], points[label]);
    }
    return out;
  }

  /** {@code sales-pitch +3: 'book a 15-minute call' in note (pitch-call)}. */
  private String reason(Rule rule, int[] add, Facts facts) {
    StringBuilder sb = new StringBuilder();
    rule.outcome().forcedLabel().ifPresent(l -> sb.append(labels[l]).append(" (forced)"));
    for (int label : tieOrder) {
      if (add[label] != 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(labels[label]);
        sb.append(add[label] > 0 ? " +" : " ").append(add[label]);
      }
    }
    rule.outcome().forcedAction().ifPresent(a ->
        sb.append(sb.length() == 0 ? "" : ", ").append("action ").append(a.wireName()));
    if (sb.length() == 0) {
      sb.append("no points");
    }
    String evidence = rule.condition().evidence(facts).orElse(rule.description());
    if (rule.outcome().learnedPoints() > 0 && facts.prediction().isPresent()) {
      int best = 0;
      double[] p = facts.prediction().get().categories();
      for (int c = 1; c < p.length; c++) {
        best = p[c] > p[best] ? c : best;
      }
      evidence = facts.prediction().get().because(
          io.doorman.policies.rules.Prediction.Target.CATEGORY, best);
    }
    return sb.append(": ").append(evidence).append(" (").append(rule.id()).append(')').toString();
  }

  /** {@code personal ties sales-pitch at 4 points; personal has the stronger evidence (3 to 1)}. */
  private Optional<String> tieReason() {
    if (winner < 0 || tiedWith < 0 || forced >= 0) {
      return Optional.empty();
    }
    String how = strength[winner] > strength[tiedWith]
        ? "the stronger evidence (" + strength[winner] + " to " + strength[tiedWith] + ")"
        : "evidence as strong, and comes first in tie order";
    return Optional.of(labels[winner] + " ties " + labels[tiedWith] + " at " + points[winner]
        + " points; " + labels[winner] + " has " + how);
  }

  private String fallbackReason() {
    return labels[fellBackTo] + ": no rule scored above zero (fallback)";
  }

  private int rank(int label) {
    for (int i = 0; i < tieOrder.length; i++) {
      if (tieOrder[i] == label) {
        return i;
      }
    }
    return tieOrder.length;
  }
}

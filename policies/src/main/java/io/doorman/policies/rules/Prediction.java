package io.doorman.policies.rules;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import java.util.List;
import java.util.Objects;

/**
 * What a learned model makes of one invitation: a probability for each category and each action,
 * and the words that weighed most for any of them.
 *
 * @param model which model, e.g. {@code default v3}
 * @param decisions how many of the team's decisions it learned from
 * @param categories probabilities by {@link Category} ordinal
 * @param actions probabilities by {@link Action} ordinal
 */
public record Prediction(
    String model, int decisions, double[] categories, double[] actions, Explainer explainer) {

  /** The invitation's features that weighed most for a label, as people read them. */
  public interface Explainer {
    List<String> weighedMost(Target target, int label, int max);
  }

  /** What a model predicts. */
  public enum Target {
    CATEGORY,
    ACTION
  }

  public Prediction {
    Objects.requireNonNull(model, "model");
    categories = categories.clone();
    actions = actions.clone();
    Objects.requireNonNull(explainer, "explainer");
  }



  public double probability(Target target, int label) {
    return target == Target.CATEGORY ? categories[label] : actions[label];
  }

  public double category(Category c) {
    return categories[c.ordinal()];
  }

  public double action(Action a) {
    return actions[a.ordinal()];
  }

  /** {@code learned from 312 decisions (default v3): “met”, “conference” → accept}. */
  public String because(Target target, int label) {
    String name = target == Target.CATEGORY ? Category.values()[label].wireName()
        : Action.values()[label].wireName();
    List<String> words = explainer.weighedMost(target, label, 3);
    StringBuilder sb = new StringBuilder("learned from ").append(decisions)
        .append(decisions == 1 ? " decision (" : " decisions (").append(model).append(", ")
        .append(Math.round(probability(target, label) * 100)).append("%)");
    if (!words.isEmpty()) {
      sb.append(": ");
      for (int i = 0; i < words.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append('“').append(words.get(i)).append('”');
      }
    }
    return sb.append(" → ").append(name).toString();
  }
}

package io.doorman.policies;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy's decision on an invitation, with its reasons.
 *
 * @param category what kind of invitation it is
 * @param action what to do with it
 * @param reasons one line per rule that fired, e.g. {@code sales-pitch +3: 'book a 15-minute call'
 *     in note}
 * @param model the learned model the policy consulted, e.g. {@code default v3}; empty when none
 */
public record Verdict(Category category, Action action, List<String> reasons,
    Optional<String> model) {

  public Verdict {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(action, "action");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(model, "model");
  }

  /** A verdict without a learned model. */
  public Verdict(Category category, Action action, List<String> reasons) {
    this(category, action, reasons, Optional.empty());
  }
}

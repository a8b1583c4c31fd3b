package io.doorman.policies;

import java.util.List;
import java.util.Objects;

/**
 * The policy's decision on an invitation, with its reasons.
 *
 * @param category what kind of invitation it is
 * @param action what to do with it
 * @param reasons one line per rule that fired, e.g. {@code sales-pitch +3: 'book a 15-minute call'
 *     in note}
 */
public record Verdict(Category category, Action action, List<String> reasons) {

  public Verdict {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(action, "action");
    reasons = List.copyOf(reasons);
  }
}

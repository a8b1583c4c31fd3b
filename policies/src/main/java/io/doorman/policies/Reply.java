package io.doorman.policies;

import java.util.List;
import java.util.Objects;

/**
 * The policy's reading of a sender's answer to "Have we met?".
 *
 * @param replyClass how they answered
 * @param action what to do with their invitation now
 * @param reasons one line per rule that fired
 */
public record Reply(ReplyClass replyClass, Action action, List<String> reasons) {

  public Reply {
    Objects.requireNonNull(replyClass, "replyClass");
    Objects.requireNonNull(action, "action");
    reasons = List.copyOf(reasons);
  }
}

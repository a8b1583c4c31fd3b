package io.doorman.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an invitation stands, and the only place that says which move is allowed from where:
 *
 * <pre>
 * NEW ─classified─> PENDING ─accept─> ACCEPTED
 *                      │  └──decline─> DECLINED
 *                      └──ask──> ASKED ─answer─> ANSWERED ─> ACCEPTED / DECLINED / ASKED
 *                                  └──no answer─> FOLLOW_UP ─> ACCEPTED / DECLINED / ASKED (wait)
 * </pre>
 */
public enum State {
  NEW,
  PENDING,
  ASKED,
  ANSWERED,
  FOLLOW_UP,
  ACCEPTED,
  DECLINED;

  /** The states this one may move to. */
  public Set<State> next() {
    return switch (this) {
      case NEW -> EnumSet.of(PENDING);
      case PENDING -> EnumSet.of(ACCEPTED, DECLINED, ASKED);
      case ASKED -> EnumSet.of(ANSWERED, FOLLOW_UP, ACCEPTED, DECLINED);
      case ANSWERED -> EnumSet.of(ACCEPTED, DECLINED, ASKED);
      case FOLLOW_UP -> EnumSet.of(ANSWERED, ACCEPTED, DECLINED, ASKED);
      case ACCEPTED, DECLINED -> EnumSet.noneOf(State.class);
    };
  }

  public boolean canMoveTo(State target) {
    return next().contains(target);
  }

  /** Decided for good: nothing moves an invitation out of these. */
  public boolean isFinal() {
    return next().isEmpty();
  }
}

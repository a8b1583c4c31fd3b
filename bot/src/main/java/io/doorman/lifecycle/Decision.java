package io.doorman.lifecycle;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person (or the policy) decides about an invitation, the state it leads to, and the one
 * rule of where each may be made from. Every channel asks {@link #allowedFrom} before it offers a
 * button, and the decision service checks it before it moves anything.
 */
public enum Decision {
  /** Accept it (the person also accepts on LinkedIn). */
  ACCEPT(State.ACCEPTED, EnumSet.of(State.PENDING, State.ASKED, State.ANSWERED, State.FOLLOW_UP)),
  /** Decline it ("Ignore" on LinkedIn). */
  DECLINE(State.DECLINED, EnumSet.of(State.PENDING, State.ASKED, State.ANSWERED, State.FOLLOW_UP)),
  /** "Have we met?" was sent (again, after an answer that settled nothing). */
  ASK(State.ASKED, EnumSet.of(State.PENDING, State.ANSWERED)),
  /** No answer yet after the follow-up: wait {@code followUpAfter} more, with the same question. */
  WAIT(State.ASKED, EnumSet.of(State.FOLLOW_UP));

  private final State target;
  private final Set<State> from;

  Decision(State target, Set<State> from) {
    this.target = target;
    this.from = from;
  }

  public State target() {
    return target;
  }

  /** Whether an invitation in {@code state} may take this decision. */
  public boolean allowedFrom(State state) {
    return from.contains(state);
  }

  /** The word for it: {@code accept}, {@code wait}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Decision> parse(String word) {
    try {
      return Optional.of(valueOf(word.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package io.doorman.lifecycle;

import java.util.Locale;
import java.util.Optional;

/** What a person decides about an invitation, and the state it leads to. */
public enum Decision {
  ACCEPT(State.ACCEPTED),
  DECLINE(State.DECLINED),
  ASK(State.ASKED);

  private final State target;

  Decision(State target) {
    this.target = target;
  }

  public State target() {
    return target;
  }

  public static Optional<Decision> parse(String word) {
    try {
      return Optional.of(valueOf(word.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

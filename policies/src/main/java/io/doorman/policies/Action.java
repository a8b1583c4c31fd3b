package io.doorman.policies;

import java.util.Locale;

/** What Doorman suggests doing with an invitation. */
public enum Action {
  ACCEPT,
  ASK,
  DECLINE,
  REVIEW;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

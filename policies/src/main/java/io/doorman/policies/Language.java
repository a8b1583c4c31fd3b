package io.doorman.policies;

import java.util.Locale;

/** The languages whose LinkedIn templates Doorman reads and in which it writes its questions. */
public enum Language {
  EN,
  DE,
  FR,
  ES;

  /** ISO 639-1 code, lower case: {@code en}, {@code de}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

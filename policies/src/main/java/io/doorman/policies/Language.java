package io.doorman.policies;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages of LinkedIn's templates that Doorman reads, and in which it writes its questions
 * (a policy without a text for a language falls back to English).
 */
public enum Language {
  EN,
  DE,
  FR,
  ES,
  PT,
  IT,
  NL,
  ID;

  /** ISO 639-1 code, lower case: {@code en}, {@code de}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language with this ISO 639-1 code, in any case. */
  public static Optional<Language> ofCode(String code) {
    for (Language l : values()) {
      if (l.code().equalsIgnoreCase(code.strip())) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}

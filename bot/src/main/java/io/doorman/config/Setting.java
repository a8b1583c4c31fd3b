package io.doorman.config;

import java.util.Locale;
import java.util.Optional;

/**
 * One setting: its file key, default (empty when it has none), whether it is a secret (masked when
 * shown), what it means, and a check of its value.
 */
public record Setting(
    String key, Optional<String> defaultValue, boolean secret, String description, Check check) {

  /** Checks a value; empty when it is acceptable, else what is wrong with it. */
  @FunctionalInterface
  public interface Check {
    Optional<String> problem(String value);

    Check ANY = value -> Optional.empty();
  }

  /** The environment variable: {@code DOORMAN_} + the key upper-cased, {@code .} and {@code -} as {@code _}. */
  public String envVar() {
    return envVar(key);
  }

  static String envVar(String key) {
    return "DOORMAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}

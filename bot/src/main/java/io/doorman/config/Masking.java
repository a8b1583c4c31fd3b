package io.doorman.config;

/** How a secret is shown: never whole. */
public final class Masking {

  private Masking() {}

  /**
   * {@code ****} and the last two characters, so two secrets can be told apart; a secret too short
   * to spare two characters shows only that it is set.
   */
  public static String mask(String secret) {
    if (secret.length() < 12) {
      return "(set)";
    }
    return "****" + secret.substring(secret.length() - 2);
  }
}

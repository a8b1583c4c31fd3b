package io.doorman.policies.language;

/**
 * One problem in a policy file, at a 1-based line and column.
 *
 * <p>Prints as {@code policy.yml:12:5: unknown condition 'notee'}.
 */
public record PolicyError(String file, int line, int column, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}

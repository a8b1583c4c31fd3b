package io.doorman.policies.language;

/** Where something stands in a policy file (1-based), to report a problem found later. */
public record Position(String file, int line, int column) {

  public PolicyError error(String message) {
    return new PolicyError(file, line, column, message);
  }
}

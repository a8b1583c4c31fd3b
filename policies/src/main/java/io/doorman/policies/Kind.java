package io.doorman.policies;

/** What a LinkedIn notification email is about. */
public enum Kind {
  INVITATION("invitation"),
  MESSAGE("message"),
  ACCEPTED("accepted"),
  OTHER("other");

  private final String wireName;

  Kind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in JSON output and the command line, e.g. {@code invitation}. */
  public String wireName() {
    return wireName;
  }
}

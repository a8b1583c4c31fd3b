package io.doorman.policies.rules;

/** A text of the invitation (or message) that keyword and pattern conditions look at. */
public enum Field {
  /** The invitation's note, or the text of a message. */
  NOTE("note"),
  HEADLINE("headline"),
  NAME("name");

  private final String label;

  Field(String label) {
    this.label = label;
  }

  /** How reasons name it: "'book a call' in note". */
  public String label() {
    return label;
  }
}

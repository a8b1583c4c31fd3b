package io.doorman.policies;

/**
 * What kind of invitation this is. Declared in tie order: when several categories score the same,
 * the one declared first wins (see CONTRACT.md).
 */
public enum Category {
  SUSPICIOUS("suspicious"),
  SALES_PITCH("sales-pitch"),
  LION("lion"),
  MUTUAL_INTRO("mutual-intro"),
  PERSONAL("personal"),
  SHARED_INTEREST("shared-interest"),
  GENERIC_NOTE("generic-note"),
  NO_NOTE("no-note");

  private final String wireName;

  Category(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}

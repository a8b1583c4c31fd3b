package io.doorman.policies;

/** How a sender answered "Have we met?". */
public enum ReplyClass {
  MET("met"),
  MUTUAL_ACQUAINTANCE("mutual-acquaintance"),
  SHARED_INTEREST("shared-interest"),
  NOT_MET("not-met"),
  PITCH("pitch");

  private final String wireName;

  ReplyClass(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}

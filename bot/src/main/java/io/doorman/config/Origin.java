package io.doorman.config;

/** Where a setting's value came from. */
public record Origin(Kind kind, String where) {

  public enum Kind {
    NOT_SET,
    DEFAULT,
    FILE,
    ENVIRONMENT
  }

  static final Origin NOT_SET = new Origin(Kind.NOT_SET, "");
  static final Origin DEFAULT = new Origin(Kind.DEFAULT, "");

  static Origin file(String path) {
    return new Origin(Kind.FILE, path);
  }

  static Origin environment(String variable) {
    return new Origin(Kind.ENVIRONMENT, variable);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NOT_SET -> "not set";
      case DEFAULT -> "default";
      case FILE -> "file " + where;
      case ENVIRONMENT -> "environment " + where;
    };
  }
}

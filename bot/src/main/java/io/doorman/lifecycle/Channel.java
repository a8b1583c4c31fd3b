package io.doorman.lifecycle;

import java.util.Locale;

/** Through which way a transition came. */
public enum Channel {
  CONSOLE,
  SLACK,
  EMAIL,
  CLI,
  POLICY,
  INGEST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

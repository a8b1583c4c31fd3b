package io.doorman.policies;

import java.util.Objects;

/** Any email that is not one of LinkedIn's invitation, message or accepted notifications. */
public record Other(Origin origin, String subject) implements Notification {

  public Other {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(subject, "subject");
  }

  @Override
  public Kind kind() {
    return Kind.OTHER;
  }
}

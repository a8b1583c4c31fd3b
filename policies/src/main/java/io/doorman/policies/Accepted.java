package io.doorman.policies;

import java.util.Objects;

/** "X accepted your invitation". */
public record Accepted(Origin origin, Person person) implements Notification {

  public Accepted {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(person, "person");
  }

  @Override
  public Kind kind() {
    return Kind.ACCEPTED;
  }
}

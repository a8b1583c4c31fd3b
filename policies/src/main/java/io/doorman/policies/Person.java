package io.doorman.policies;

import java.util.Objects;
import java.util.Optional;

/**
 * A LinkedIn member as a notification shows them.
 *
 * @param name display name, e.g. {@code Jane Doe}
 * @param headline e.g. {@code Senior Recruiter at Acme}
 * @param location e.g. {@code Denver, Colorado}
 * @param profileUrl their profile link on a LinkedIn host, tracking parameters removed; empty when
 *     the notification is spoofed, so a foreign link is never shown as a LinkedIn one
 */
public record Person(
    String name, Optional<String> headline, Optional<String> location, Optional<String> profileUrl) {

  public Person {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(profileUrl, "profileUrl");
  }

  public static Person named(String name) {
    return new Person(name, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The first word of the name, for greetings ("Hi Jane"). */
  public String firstName() {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}

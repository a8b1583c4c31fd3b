package io.doorman.lifecycle;

import java.util.Objects;

/**
 * Who caused a transition, through which channel: a Slack user, an email address, a person at the
 * console, or the policy itself.
 */
public record Actor(String name, Channel channel) {

  public static final Actor POLICY = new Actor("policy", Channel.POLICY);

  public Actor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(channel, "channel");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an actor needs a name");
    }
  }

  public static Actor console(String who) {
    return new Actor(who, Channel.CONSOLE);
  }
}

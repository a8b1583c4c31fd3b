package io.doorman.lifecycle;

import java.util.Objects;

/**
 * Who caused a transition, through which channel.
 *
 * @param id what identifies them for good, and what the invitation's {@code state_by} records:
 *     {@code @U0ALICE} for a Slack user (shown as a mention), an email address, the console's
 *     operator, the {@code --by} of the command line, {@code policy}
 * @param name how a person reads it: the Slack user name, the address, the operator
 */
public record Actor(String id, String name, Channel channel) {

  public static final Actor POLICY = new Actor("policy", "policy", Channel.POLICY);

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(channel, "channel");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an actor needs an id");
    }
    if (name.isBlank()) {
      name = id;
    }
  }

  public Actor(String id, Channel channel) {
    this(id, id, channel);
  }

  /** A Slack user: {@code @U0ALICE}, named by their Slack user name when the request gives it. */
  public static Actor slack(String userId, String userName) {
    return new Actor("@" + userId, userName == null ? "" : userName, Channel.SLACK);
  }

  public static Actor email(String address) {
    return new Actor(address, Channel.EMAIL);
  }

  public static Actor console(String operator) {
    return new Actor(operator, Channel.CONSOLE);
  }

  public static Actor cli(String by) {
    return new Actor(by, Channel.CLI);
  }

  /** {@code alice (@U0ALICE)} where the name says more than the id, else the id. */
  public String shown() {
    return name.equals(id) ? id : name + " (" + id + ")";
  }
}

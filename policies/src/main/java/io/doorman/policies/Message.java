package io.doorman.policies;

import java.util.Objects;

/**
 * A LinkedIn message notification: how a sender's answer to "Have we met?" arrives.
 *
 * @param sender who wrote the message
 * @param text the message as the notification shows it (LinkedIn may cut it short with "...")
 */
public record Message(Origin origin, Person sender, String text) implements Notification {

  public Message {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public Kind kind() {
    return Kind.MESSAGE;
  }
}

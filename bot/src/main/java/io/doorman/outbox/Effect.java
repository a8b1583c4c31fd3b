package io.doorman.outbox;

import java.util.Objects;
import java.util.Optional;

/**
 * One outbound effect to deliver: a Slack post, an email. Written into the outbox in the same
 * transaction as the change that causes it, delivered by the {@link Relay}.
 *
 * @param key what makes it the same effect however often it is enqueued (the idempotency key:
 *     {@code email.verdict:42:alice@example.com}); also carried to the peer where the peer lets a
 *     send carry one (an email's Message-ID). Over 300 characters it is shortened, keeping its
 *     start and a digest of the whole.
 * @param kind which {@link Sender} delivers it ({@code slack.post}, {@code email.digest})
 * @param lane what it is paced with: one Slack channel ({@code slack:C0123}), SMTP ({@code smtp})
 * @param ordering effects with the same ordering are delivered in the order they were enqueued,
 *     each only once every earlier one is delivered or dead (a card before its thread posts)
 * @param payload what the sender needs, as a {@link Payload}
 */
public record Effect(String key, String kind, String lane, Optional<String> ordering, Payload payload) {

  public Effect {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(ordering, "ordering");
    Objects.requireNonNull(payload, "payload");
    if (key.length() > MAX_KEY) {
      key = key.substring(0, MAX_KEY - 33) + "#" + digest(key).substring(0, 32);
    }
  }

  /** The longest key kept as it is; a longer one keeps its start and a digest of the whole. */
  static final int MAX_KEY = 300;

  static String digest(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

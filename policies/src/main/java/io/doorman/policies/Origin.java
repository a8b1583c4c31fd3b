package io.doorman.policies;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a notification came from: the same for every kind.
 *
 * @param source where it was read, e.g. {@code inbox/a.eml} or {@code big.mbox#42}; digests add
 *     {@code #N} per invitation
 * @param messageId the notification's own Message-ID (the original's when forwarded)
 * @param recipient whom LinkedIn sent it to, as the email names them (name or address)
 * @param authenticity whether it really came from LinkedIn
 * @param sentAt the notification's Date, when it has a readable one
 * @param language the language of LinkedIn's template
 */
public record Origin(
    String source,
    Optional<String> messageId,
    Optional<String> recipient,
    Authenticity authenticity,
    Optional<Instant> sentAt,
    Language language) {

  public Origin {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(authenticity, "authenticity");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(language, "language");
  }

  /** The same origin read at another place, e.g. the N-th entry of a digest. */
  public Origin withSource(String newSource) {
    return new Origin(newSource, messageId, recipient, authenticity, sentAt, language);
  }
}

package io.doorman.policies;

import java.time.Instant;
import java.util.List;
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
 * @param verified whether LinkedIn's DKIM signature was verified, by Doorman or by a receiving
 *     server the operator trusts
 * @param problems what could not be read, in words (empty when everything was read); a notification
 *     with problems needs a person to look at it
 */
public record Origin(
    String source,
    Optional<String> messageId,
    Optional<String> recipient,
    Authenticity authenticity,
    Optional<Instant> sentAt,
    Language language,
    boolean verified,
    List<String> problems) {

  public Origin {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(authenticity, "authenticity");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(language, "language");
    problems = List.copyOf(problems);
  }

  /** An origin whose signature was not verified and that was read without problems. */
  public Origin(
      String source,
      Optional<String> messageId,
      Optional<String> recipient,
      Authenticity authenticity,
      Optional<Instant> sentAt,
      Language language) {
    this(source, messageId, recipient, authenticity, sentAt, language, false, List.of());
  }

  /** The same origin read at another place, e.g. the N-th entry of a digest. */
  public Origin withSource(String newSource) {
    return new Origin(newSource, messageId, recipient, authenticity, sentAt, language, verified, problems);
  }

  /** The same origin with these problems added to its own. */
  public Origin withProblems(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new java.util.ArrayList<>(problems);
    for (String p : more) {
      if (!all.contains(p)) {
        all.add(p);
      }
    }
    return new Origin(source, messageId, recipient, authenticity, sentAt, language, verified, all);
  }

  /** Whether something could not be read, so a person should look. */
  public boolean needsALook() {
    return !problems.isEmpty();
  }
}

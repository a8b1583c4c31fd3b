package io.doorman.email.smtp;

import java.util.Objects;
import java.util.Optional;

/**
 * One email Doorman sends.
 *
 * @param replyTo where answers should go (Doorman's {@code +token} address)
 * @param html an HTML alternative to the text, when there is one
 */
public record Letter(String to, String subject, Optional<String> replyTo, String text, Optional<String> html) {

  public Letter {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(replyTo, "replyTo");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }
}

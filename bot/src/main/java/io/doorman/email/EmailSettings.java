package io.doorman.email;

import io.doorman.email.smtp.SmtpSettings;
import io.doorman.email.token.ReplyTokens;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The email channel's settings: {@code smtp.*}, {@code email.allow}, {@code email.reply-secret}
 * (generated under {@code data.dir} when unset) and {@code email.digest-at}.
 *
 * @param digestAt local time of the daily digest; empty = no digest
 */
public record EmailSettings(SmtpSettings smtp, List<String> allow, byte[] replySecret, Optional<LocalTime> digestAt) {

  public static final LocalTime DIGEST_AT = LocalTime.of(8, 0);

  public EmailSettings {
    Objects.requireNonNull(smtp, "smtp");
    allow = List.copyOf(allow);
    Objects.requireNonNull(replySecret, "replySecret");
    Objects.requireNonNull(digestAt, "digestAt");
  }

  @Override
  public String toString() {
    return "EmailSettings[" + smtp + ", allow=" + allow + ", replySecret=***, digestAt=" + digestAt + "]";
  }

  /** From the configuration; empty when {@code smtp.host} is unset (email replies off). */
  public static Optional<EmailSettings> from(Function<String, Optional<String>> config) {
    Optional<SmtpSettings> smtp = SmtpSettings.from(config);
    if (smtp.isEmpty()) {
      return Optional.empty();
    }
    Path dataDir = Path.of(config.apply("data.dir").filter(s -> !s.isBlank()).orElse("./data"));
    byte[] secret = ReplyTokens.secret(config.apply("email.reply-secret").filter(s -> !s.isBlank()), dataDir);
    Optional<String> at = config.apply("email.digest-at");
    Optional<LocalTime> digestAt;
    if (at.isEmpty()) {
      digestAt = Optional.of(DIGEST_AT);
    } else if (at.get().isBlank()) {
      digestAt = Optional.empty();
    } else {
      try {
        digestAt = Optional.of(LocalTime.parse(at.get().strip()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("email.digest-at: a time like 08:00, not '" + at.get() + "'");
      }
    }
    return Optional.of(new EmailSettings(smtp.get(),
        List.of(config.apply("email.allow").orElse("").split("[,;\\s]+")),
        secret, digestAt));
  }
}

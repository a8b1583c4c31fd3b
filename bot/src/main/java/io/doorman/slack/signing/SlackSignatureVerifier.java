package io.doorman.slack.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (v0). Unlike Bolt 1.47's own check, a timestamp too far in the future is
 * refused as well as one too old, so a captured request cannot be replayed later by dating it
 * ahead.
 */
public final class SlackSignatureVerifier {

  /** How far a request's timestamp may be from now, either way. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /** Why a request was refused; {@code VALID} when it was not. */
  public enum Result {
    VALID,
    MISSING_HEADERS,
    BAD_TIMESTAMP,
    STALE_OR_FUTURE_TIMESTAMP,
    BAD_SIGNATURE
  }

  private final byte[] secret;
  private final Clock clock;

  public SlackSignatureVerifier(String signingSecret, Clock clock) {
    Objects.requireNonNull(signingSecret, "signingSecret");
    if (signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret is empty");
    }
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /**
   * @param timestamp the {@code X-Slack-Request-Timestamp} header (seconds since the epoch)
   * @param signature the {@code X-Slack-Signature} header ({@code v0=hex})
   * @param body the raw request body, exactly as received
   */
  public Result verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Result.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Result.BAD_TIMESTAMP;
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > WINDOW.toSeconds()) {
      return Result.STALE_OR_FUTURE_TIMESTAMP;
    }
    byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Result.VALID : Result.BAD_SIGNATURE;
  }

  /** The {@code v0=…} signature of a body at a timestamp (also used by tests to sign requests). */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return "v0=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}

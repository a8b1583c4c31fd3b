package io.doorman.ingest;

import io.doorman.ingest.authenticity.LinkedInHosts;
import io.doorman.ingest.authenticity.TrustedServers;
import io.doorman.ingest.authenticity.Verification;
import io.doorman.ingest.dkim.DkimResult;
import io.doorman.ingest.dkim.DkimVerifier;
import io.doorman.ingest.dkim.DnsKeyLookup;
import io.doorman.ingest.linkedin.NotificationRecognizer;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.MimeReader;
import io.doorman.policies.Notification;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one raw email into the notifications it holds (a digest holds several). */
public final class MailReader {

  private static final Logger log = LoggerFactory.getLogger(MailReader.class);

  private final MimeReader mime;
  private final DkimVerifier dkim;
  private final TrustedServers trusted;
  private final NotificationRecognizer recognizer;

  /** Default limits; DKIM keys from DNS; no receiving server trusted. */
  public MailReader() {
    this(Limits.DEFAULTS, new DkimVerifier(new DnsKeyLookup(), Clock.systemUTC()), TrustedServers.NONE);
  }

  public MailReader(Limits limits, DkimVerifier dkim) {
    this(limits, dkim, TrustedServers.NONE);
  }

  /**
   * @param trusted the receiving servers whose {@code Authentication-Results} count
   *     ({@code mail.trusted-authserv-id})
   */
  public MailReader(Limits limits, DkimVerifier dkim, TrustedServers trusted) {
    this.mime = new MimeReader(limits);
    this.dkim = dkim;
    this.trusted = trusted;
    this.recognizer = new NotificationRecognizer(this::verify);
  }

  /**
   * The notifications in this email, in the order they appear: one for most emails, one per
   * invitation for a digest, one of kind {@code other} for anything that is not a LinkedIn
   * notification.
   *
   * @throws UnreadableMailException when the bytes are not an email at all or break a limit
   */
  public List<Notification> read(RawMail raw) throws UnreadableMailException {
    MimeMail mail = mime.read(raw);
    List<Notification> notifications = recognizer.recognize(raw.source(), mail);
    // After recognising: the HTML part is decoded only if the recogniser needed it.
    for (String warning : mail.warnings()) {
      log.info("{}: {}", raw.source(), warning);
    }
    return notifications;
  }

  /**
   * LinkedIn's signature on an original that claims to be LinkedIn's. A trusted receiving server's
   * verdict comes first (it could look up the key); else Doorman's own DKIM check. Only a failure
   * is evidence of forgery: no signature, a key that can't be found or a DNS failure leave the
   * original unverified. A valid signature for a domain that is not LinkedIn's on mail claiming to
   * be LinkedIn's is a failure. Mail that does not claim to be LinkedIn's (a colleague's paste) is
   * not judged by its own signature.
   */
  private Verification verify(MimeMail original) {
    boolean claimsLinkedIn = original.header("From").map(LinkedInHosts::claimsLinkedIn).orElse(false);
    if (!claimsLinkedIn) {
      return Verification.NONE;
    }
    if (trusted.any()) {
      Optional<Verification> verdict =
          trusted.verdict(headers(original, "Authentication-Results"), LinkedInHosts::isLinkedIn);
      if (verdict.isPresent()) {
        return verdict.get();
      }
    }
    if (original.header("DKIM-Signature").isEmpty()) {
      return Verification.NONE;
    }
    DkimResult result = dkim.verify(original.rawBytes());
    String id = original.header("Message-ID").orElse("(no Message-ID)");
    switch (result.status()) {
      case FAIL -> {
        log.info("DKIM failed for {}: {}", id, result.reason().orElse(""));
        return Verification.failed("DKIM: " + result.reason().orElse("failed"));
      }
      case PASS -> {
        String domain = result.domain().orElse("");
        if (!LinkedInHosts.isLinkedIn(domain)) {
          return Verification.failed("DKIM: signed by " + domain + ", not by LinkedIn");
        }
        Verification verified = Verification.verified("DKIM: signed by " + domain);
        return result.signedLength().isPresent() ? signedPart(original, verified, result.signedLength().getAsInt()) : verified;
      }
      default -> {
        log.debug("DKIM not verified for {}: {}", id, result.reason().orElse(result.status().name()));
        return Verification.unverified("DKIM: " + result.reason().orElse(result.status().name().toLowerCase()));
      }
    }
  }

  /** With {@code l=}: the original cut to what is signed, so what follows is never read. */
  private Verification signedPart(MimeMail original, Verification verified, int signedLength) {
    byte[] raw = original.rawBytes();
    byte[] signed = Arrays.copyOf(raw, Math.min(signedLength, raw.length));
    try {
      return verified.coveringOnly(mime.read(new RawMail("signed part", signed)));
    } catch (UnreadableMailException e) {
      return Verification.unverified("DKIM: the signed part alone can't be read: " + e.getMessage());
    }
  }

  private static List<String> headers(MimeMail mail, String name) {
    return mail.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MimeMail.Header::value).toList();
  }
}

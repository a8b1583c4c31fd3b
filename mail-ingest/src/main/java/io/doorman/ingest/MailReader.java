package io.doorman.ingest;

import io.doorman.ingest.authenticity.LinkedInHosts;
import io.doorman.ingest.dkim.DkimResult;
import io.doorman.ingest.dkim.DkimVerifier;
import io.doorman.ingest.dkim.DnsKeyLookup;
import io.doorman.ingest.linkedin.NotificationRecognizer;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.MimeReader;
import io.doorman.policies.Notification;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one raw email into the notifications it holds (a digest holds several). */
public final class MailReader {

  private static final Logger log = LoggerFactory.getLogger(MailReader.class);

  private final MimeReader mime;
  private final NotificationRecognizer recognizer;

  /** Default limits; DKIM keys from DNS. */
  public MailReader() {
    this(Limits.DEFAULTS, new DkimVerifier(new DnsKeyLookup(), Clock.systemUTC()));
  }

  public MailReader(Limits limits, DkimVerifier dkim) {
    this.mime = new MimeReader(limits);
    this.recognizer = new NotificationRecognizer(original -> dkimFails(dkim, original));
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
   * For an original claiming to be from LinkedIn, a signature that fails, or one that verifies only
   * for a domain that is not LinkedIn's, is evidence of spoofing; no signature, or a key that can't
   * be looked up, says nothing. Mail that does not claim to be LinkedIn's (a colleague's paste) is
   * not judged by its own signature.
   */
  private static boolean dkimFails(DkimVerifier dkim, MimeMail original) {
    boolean claimsLinkedIn = original.header("From").map(LinkedInHosts::claimsLinkedIn).orElse(false);
    if (!claimsLinkedIn || original.header("DKIM-Signature").isEmpty()) {
      return false;
    }
    DkimResult result = dkim.verify(original.rawBytes());
    if (result.status() == DkimResult.Status.FAIL) {
      log.info("DKIM failed for {}: {}", original.header("Message-ID").orElse("(no Message-ID)"), result.reason().orElse(""));
      return true;
    }
    return result.status() == DkimResult.Status.PASS
        && !result.domain().map(LinkedInHosts::isLinkedIn).orElse(false);
  }
}

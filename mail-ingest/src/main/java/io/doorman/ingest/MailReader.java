package io.doorman.ingest;

import io.doorman.ingest.linkedin.NotificationRecognizer;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.MimeReader;
import io.doorman.policies.Notification;
import java.util.List;

/** Reads one raw email into the notifications it holds (a digest holds several). */
public final class MailReader {

  private final MimeReader mime;
  private final NotificationRecognizer recognizer;

  public MailReader() {
    this.mime = new MimeReader();
    this.recognizer = new NotificationRecognizer();
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
    return recognizer.recognize(raw.source(), mail);
  }
}

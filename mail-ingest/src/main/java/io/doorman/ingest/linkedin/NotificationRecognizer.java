package io.doorman.ingest.linkedin;

import io.doorman.ingest.mime.MimeMail;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Language;
import io.doorman.policies.Notification;
import io.doorman.policies.Origin;
import io.doorman.policies.Other;
import java.util.List;
import java.util.Optional;

/** Recognises which LinkedIn notification an email is and reads its fields. */
public final class NotificationRecognizer {

  public List<Notification> recognize(String source, MimeMail mail) {
    Origin origin =
        new Origin(
            source,
            mail.header("Message-ID"),
            Optional.empty(),
            Authenticity.UNVERIFIED,
            Optional.empty(),
            Language.EN);
    return List.of(new Other(origin, mail.header("Subject").orElse("")));
  }
}

package io.doorman.ingest.authenticity;

import io.doorman.ingest.mime.MimeMail;

/** Checks LinkedIn's signature on an original notification. */
@FunctionalInterface
public interface SignatureCheck {

  Verification check(MimeMail original);
}

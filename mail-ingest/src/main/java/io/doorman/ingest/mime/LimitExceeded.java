package io.doorman.ingest.mime;

/** A message broke one of the {@link io.doorman.ingest.Limits}; the message says which. */
final class LimitExceeded extends RuntimeException {

  LimitExceeded(String message) {
    super(message, null, false, false);
  }
}

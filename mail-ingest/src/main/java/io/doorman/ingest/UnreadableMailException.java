package io.doorman.ingest;

/** An email that could not be read at all; the message says why, for a person. */
public final class UnreadableMailException extends Exception {

  private final String source;

  public UnreadableMailException(String source, String reason) {
    super(source + ": " + reason);
    this.source = source;
  }

  public UnreadableMailException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
  }

  public String source() {
    return source;
  }
}

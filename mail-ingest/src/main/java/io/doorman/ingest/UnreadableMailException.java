package io.doorman.ingest;

/** An email that could not be read at all; the message says why, for a person. */
public final class UnreadableMailException extends Exception {

  private final String source;
  private final String reason;

  public UnreadableMailException(String source, String reason) {
    super(source + ": " + reason);
    this.source = source;
    this.reason = reason;
  }

  public UnreadableMailException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  public String source() {
    return source;
  }

  /** Why it could not be read, without the source. */
  public String reason() {
    return reason;
  }
}

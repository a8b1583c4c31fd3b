package io.doorman.email.smtp;

/** A letter could not be sent; the message names the recipient and the server's reason. */
public final class SmtpException extends RuntimeException {

  /** Whether trying again can help. */
  public enum Kind {
    /** The server is out of reach, or answered 4xx: later it may take the letter. */
    TRANSIENT,
    /** The server answered 5xx: it will not take this letter. */
    PERMANENT,
    /** The server refused Doorman's login: nothing goes out until smtp.user / smtp.password are fixed. */
    CREDENTIALS
  }

  private final Kind kind;

  public SmtpException(String message, Throwable cause, Kind kind) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

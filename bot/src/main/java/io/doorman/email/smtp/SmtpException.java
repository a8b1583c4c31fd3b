package io.doorman.email.smtp;

/** A letter could not be sent; the message names the recipient and the server's reason. */
public final class SmtpException extends RuntimeException {

  public SmtpException(String message, Throwable cause) {
    super(message, cause);
  }
}

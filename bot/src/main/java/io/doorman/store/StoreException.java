package io.doorman.store;

/** A database operation failed; the message says which and why. */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
  }
}

package io.doorman.store;

/** An insert or update met a row with the same unique key: told apart from other failures. */
public final class UniqueViolation extends StoreException {

  public UniqueViolation(String message, Throwable cause) {
    super(message, cause);
  }
}

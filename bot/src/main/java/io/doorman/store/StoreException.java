package io.doorman.store;

import java.sql.SQLException;

/** A database operation failed; the message says which and why. */
public class StoreException extends RuntimeException {

  /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  public StoreException(String message, Throwable cause) {
    super(message + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
  }

  /** The one place an {@link SQLException} becomes an unchecked failure: unique violations apart. */
  static StoreException of(String what, SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return new UniqueViolation(what, e);
      }
    }
    return new StoreException(what, e);
  }

  /** Whether {@code e} is a unique-key violation (for the dialect that catches one and goes on). */
  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }
}

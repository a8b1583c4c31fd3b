package io.doorman.store;

import io.doorman.lifecycle.State;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a page of invitations ended, for the next one to start after: the last row's state, state
 * time and id, the key the list is ordered by (keyset paging: no offset, no whole state read).
 * {@link #token()} is how it travels in a URL or on the command line.
 */
public record Cursor(State state, Instant at, long id) {

  /** {@code asked.1733300000.000000000.42}: state, epoch second, nanosecond, id. */
  public String token() {
    return state.name().toLowerCase(Locale.ROOT) + "." + at.getEpochSecond() + "." + at.getNano() + "." + id;
  }

  /** The cursor a token names; empty for one that is not a cursor. */
  public static Optional<Cursor> parse(String token) {
    String[] parts = token == null ? new String[0] : token.strip().split("\\.");
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Cursor(State.valueOf(parts[0].toUpperCase(Locale.ROOT)),
          Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])), Long.parseLong(parts[3])));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}

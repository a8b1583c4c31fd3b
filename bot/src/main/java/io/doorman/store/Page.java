package io.doorman.store;

import java.util.List;
import java.util.Optional;

/** One page of a list, and where the next one starts (empty on the last page). */
public record Page<T>(List<T> items, Optional<Cursor> next) {

  public Page {
    items = List.copyOf(items);
  }
}

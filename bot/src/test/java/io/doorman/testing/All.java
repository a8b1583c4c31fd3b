package io.doorman.testing;

import io.doorman.store.Cursor;
import io.doorman.store.Filter;
import io.doorman.store.Invitations;
import io.doorman.store.Page;
import io.doorman.store.StoredInvitation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every invitation a test stored, read page by page and put in id order: for small test stores. */
public final class All {

  private All() {}

  public static List<StoredInvitation> invitations(Invitations store) {
    return invitations(store, Filter.ALL);
  }

  public static List<StoredInvitation> invitations(Invitations store, Filter filter) {
    List<StoredInvitation> out = new ArrayList<>();
    Optional<Cursor> after = Optional.empty();
    do {
      Page<StoredInvitation> page = store.page(filter, Invitations.Order.OLDEST_FIRST, after, 500);
      out.addAll(page.items());
      after = page.next();
    } while (after.isPresent());
    out.sort(Comparator.comparingLong(StoredInvitation::id));
    return out;
  }
}

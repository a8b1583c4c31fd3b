package io.doorman.slack;

import io.doorman.lifecycle.State;
import io.doorman.store.StoredInvitation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Stored invitations for rendering tests, without a database. */
public final class TestInvitations {

  public static final Instant AT = Instant.parse("2026-11-22T10:32:00Z");

  private TestInvitations() {}

  public static StoredInvitation stored(long id, String sender, Optional<String> note, String authenticity) {
    return stored(id, sender, "Alex Morgan", note, authenticity, State.PENDING, "policy");
  }

  public static StoredInvitation stored(
      long id, String sender, String recipient, Optional<String> note, String authenticity, State state, String by) {
    String slug = sender.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    return new StoredInvitation(id, "id:" + id, Optional.of(recipient), sender, Optional.of("Engineer at Acme"),
        Optional.of("Denver, Colorado"), Optional.of("https://www.linkedin.com/in/" + slug),
        Optional.of("https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=" + id),
        note, OptionalInt.of(4), authenticity, "en", "no-note", "ask", List.of("no-note +1: no note"),
        state, by, AT, 1, AT, AT, "test#" + id);
  }
}

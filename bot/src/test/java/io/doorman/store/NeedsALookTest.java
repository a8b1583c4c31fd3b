package io.doorman.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.lifecycle.Actor;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Other;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Emails that need a look, on H2 and on PostgreSQL: kept once with the original, listed until looked at. */
class NeedsALookTest {

  @TempDir Path dir;

  private Database database(String engine) {
    return engine.equals("h2") ? Database.h2File(dir) : TestPostgres.freshDatabase();
  }

  private static Other unknown(String source) {
    return new Other(
        new Origin(source, Optional.of("<x-1@linkedin.com>"), Optional.empty(), Authenticity.LINKEDIN, Optional.empty(),
            Language.EN, false, List.of("LinkedIn email of a kind Doorman does not know (email_new_01)")),
        "Something new");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anEmailIsKeptOnceWithItsOriginalUntilSomeoneLooks(String engine) {
    byte[] original = "From: LinkedIn <x@linkedin.com>\r\n\r\nbody \u00e9\r\n".getBytes(StandardCharsets.UTF_8);
    Instant at = Instant.parse("2026-12-04T10:00:00Z");
    try (Database db = database(engine)) {
      NeedsALook looks = new NeedsALook(db);
      boolean first = db.inTransaction("keep", tx -> NeedsALook.keep(tx, original, unknown("a.eml"), OptionalLong.empty(), at));
      boolean again = db.inTransaction("keep again", tx -> NeedsALook.keep(tx, original, unknown("b.eml"), OptionalLong.empty(), at));
      assertTrue(first);
      assertFalse(again, "the same email a second time is the same look");

      List<NeedsALook.Entry> open = looks.open(10, 0);
      assertEquals(1, open.size());
      NeedsALook.Entry e = open.get(0);
      assertEquals("a.eml", e.source());
      assertEquals("other", e.kind());
      assertEquals(Optional.of("Something new"), e.subject());
      assertEquals(List.of("LinkedIn email of a kind Doorman does not know (email_new_01)"), e.problems());
      assertArrayEquals(original, looks.original(e.id()).orElseThrow());
      assertEquals(1, looks.count());

      assertTrue(looks.looked(e.id(), Actor.console("paul"), at.plusSeconds(60)));
      assertFalse(looks.looked(e.id(), Actor.console("paul"), at.plusSeconds(61)), "once");
      assertEquals(List.of(), looks.open(10, 0));
      assertEquals(0, looks.count());
    }
  }
}

package io.doorman.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Action;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.Verdict;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.MutableClock;
import io.doorman.store.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who forwarded what, and the digest claim, on H2 and on a real PostgreSQL (migration V8). */
class EmailStoreTest {

  @TempDir Path dir;

  @Test
  void onH2() {
    contract(Database.h2File(dir.resolve("data")));
  }

  @Test
  void onPostgres() throws Exception {
    contract(TestPostgres.freshDatabase());
  }

  private static void contract(Database db) {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    Ingestion store = new Ingestion(db, clock);
    Origin origin = new Origin("t", Optional.empty(), Optional.of("Alex"), Authenticity.LINKEDIN, Optional.empty(),
        Language.EN);
    long id = store.ingest(new Invitation(origin, Person.named("Dana Voss"), OptionalInt.empty(), Optional.empty(),
        Optional.empty(), Optional.of("1"), false), new Verdict(Category.NO_NOTE, Action.ASK, List.of())).invitationId();
    EmailStore emails = new EmailStore(db);
    assertTrue(forward(db, emails, id, "Alice@Example.com", clock));
    assertFalse(forward(db, emails, id, "alice@example.com", clock), "once per person and invitation");
    assertTrue(forward(db, emails, id, "bob@example.com", clock));
    assertEquals(List.of("alice@example.com", "bob@example.com"), emails.forwardersOf(id));
    assertEquals(List.of("alice@example.com", "bob@example.com"), emails.forwarders());
  }

  private static boolean forward(Database db, EmailStore emails, long id, String who, MutableClock clock) {
    return db.inTransaction("forward", tx -> emails.recordForward(tx, id, who, clock.instant()));
  }
}

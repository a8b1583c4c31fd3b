package io.doorman.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.lifecycle.State;
import io.doorman.policies.Action;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Message;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.Reply;
import io.doorman.policies.ReplyClass;
import io.doorman.policies.Verdict;
import io.doorman.decisions.Decisions;
import io.doorman.decisions.Questions;
import io.doorman.events.Events;
import io.doorman.policies.engine.Policy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind the store must do. Subclasses supply only a fresh {@link Database}.
 */
abstract class InvitationStoreContractTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  static final Verdict ASK = new Verdict(Category.NO_NOTE, Action.ASK, List.of("no-note +1: no note"));

  private InvitationStore store;
  private static int counter;

  /** A new, empty database for each test. */
  abstract Database freshDatabase();

  /** The last fresh database again, opened anew: a restart, or a second node. */
  abstract Database sameDatabaseAgain();

  private final List<Database> opened = new ArrayList<>();

  @BeforeEach
  void open() {
    Database db = freshDatabase();
    opened.add(db);
    store = new InvitationStore(db, CLOCK);
  }

  /** The database of this test opened once more (a restart, a second node), closed after it. */
  Database again() {
    Database db = sameDatabaseAgain();
    opened.add(db);
    return db;
  }

  @AfterEach
  void closeDatabases() {
    opened.forEach(Database::close);
  }

  static Invitation invitation(String name, String recipient, Optional<String> invitationId) {
    Origin origin =
        new Origin("test#" + counter++, Optional.empty(), Optional.of(recipient), Authenticity.LINKEDIN,
            Optional.empty(), Language.EN);
    Person sender =
        new Person(name, Optional.of("Engineer"), Optional.empty(),
            Optional.of("https://www.linkedin.com/in/" + name.toLowerCase().replace(' ', '-')));
    return new Invitation(origin, sender, OptionalInt.of(3), Optional.empty(), Optional.empty(), invitationId, false);
  }

  static Message message(String from, String recipient, String text) {
    Origin origin =
        new Origin("msg#" + counter++, Optional.of("<m" + counter + "@linkedin.com>"), Optional.of(recipient),
            Authenticity.LINKEDIN, Optional.empty(), Language.EN);
    return new Message(origin, Person.named(from), text);
  }

  /** A decision through the decision service, as a channel would make it. */
  private void decide(long id, Decision decision, Actor actor) {
    new Decisions(opened.get(0), new Questions(Policy.defaults()), new Events(), CLOCK, Duration.ofDays(10))
        .decide(new Decisions.Request(id, decision, actor));
  }

  private long onlyId() {
    List<StoredInvitation> all = store.list(Optional.empty());
    assertEquals(1, all.size());
    return all.get(0).id();
  }

  @Test
  void storesAnInvitationOnceAndCountsItsSightings() {
    Invitation original = invitation("Jane Doe", "Paul", Optional.of("7001"));
    Invitation reminder = invitation("Jane Doe", "Paul", Optional.of("7001"));

    assertTrue(store.ingest(original, ASK).isNew());
    assertFalse(store.ingest(reminder, ASK).isNew());
    assertFalse(store.ingest(original, ASK).isNew());

    StoredInvitation stored = store.find(onlyId()).orElseThrow();
    assertEquals(3, stored.sightings());
    assertEquals(State.PENDING, stored.state());
    assertEquals("no-note", stored.category());
    assertEquals(List.of("no-note +1: no note"), stored.reasons());
    assertEquals(1, store.auditCount(), "one audit row: classified by the policy");
  }

  @Test
  void withoutAnInvitationIdTheSenderAndRecipientMakeItTheSame() {
    store.ingest(invitation("Jane Doe", "Paul", Optional.empty()), ASK);
    store.ingest(invitation("Jane Doe", "Paul", Optional.empty()), ASK);
    store.ingest(invitation("Jane Doe", "Maria", Optional.empty()), ASK);

    assertEquals(2, store.list(Optional.empty()).size());
  }

  @Test
  void twoNodesStoringTheSameInvitationAtOnceStoreItOnce() throws Exception {
    InvitationStore otherNode = new InvitationStore(again(), CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        Invitation same = invitation("Twin " + round, "Paul", Optional.of("twin-" + round));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<InvitationStore.Ingested>> results = new ArrayList<>();
        for (InvitationStore node : List.of(store, otherNode)) {
          Callable<InvitationStore.Ingested> delivery =
              () -> {
                start.await();
                try (InvitationStore.Batch batch = node.batch(10)) {
                  return batch.ingest(same, ASK);
                }
              };
          results.add(pool.submit(delivery));
        }
        start.countDown();
        InvitationStore.Ingested first = results.get(0).get();
        InvitationStore.Ingested second = results.get(1).get();
        assertEquals(first.invitationId(), second.invitationId(), "both name the one stored row");
        assertTrue(first.isNew() ^ second.isNew(), "exactly one of them stored it");
        assertEquals(2, store.find(first.invitationId()).orElseThrow().sightings());
        assertEquals(1, store.history(first.invitationId()).size(), "one audit row");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInsertMeetingATakenKeyLeavesTheRestOfTheTransactionStanding() {
    Database db = opened.get(0);
    Tx.Binder day1 = p -> p.set(1, "2026-12-01").set(2, CLOCK.instant());
    Tx.Binder day2 = p -> p.set(1, "2026-12-02").set(2, CLOCK.instant());
    String insert = "INSERT INTO email_digests (digest_day, sent_at) VALUES (?, ?)";

    List<Boolean> inserted = db.inTransaction("insert three", tx -> List.of(
        tx.insertUnlessTaken(insert, day1), tx.insertUnlessTaken(insert, day1), tx.insertUnlessTaken(insert, day2)));

    assertEquals(List.of(true, false, true), inserted);
    long rows = db.inTransaction("count", tx -> tx.one("SELECT COUNT(*) FROM email_digests", Tx.Binder.NONE,
        r -> r.longValue(1)).orElseThrow());
    assertEquals(2, rows, "both days committed, the first once");
  }

  @Test
  void aUniqueViolationThatEscapesItsWorkIsToldApart() {
    Database db = opened.get(0);
    String insert = "INSERT INTO email_digests (digest_day, sent_at) VALUES ('2026-12-03', ?)";
    db.inTransaction("insert", tx -> tx.update(insert, p -> p.set(1, CLOCK.instant())));

    assertThrows(UniqueViolation.class,
        () -> db.inTransaction("insert again", tx -> tx.update(insert, p -> p.set(1, CLOCK.instant()))));
    StoreException other = assertThrows(StoreException.class,
        () -> db.inTransaction("read what is not there", tx -> tx.update("UPDATE no_such_table SET x = 1", Tx.Binder.NONE)));
    assertFalse(other instanceof UniqueViolation);
    assertTrue(other.getMessage().startsWith("cannot read what is not there"), other.getMessage());
  }

  @Test
  void whatIsToHappenAfterACommitHappensOnlyWhenItCommits() {
    Database db = opened.get(0);
    List<String> after = new ArrayList<>();
    db.inTransaction("commit", tx -> {
      tx.afterCommit(() -> after.add("committed"));
      return null;
    });
    assertThrows(IllegalStateException.class, () -> db.inTransaction("fail", tx -> {
      tx.afterCommit(() -> after.add("rolled back"));
      throw new IllegalStateException("no");
    }));
    assertEquals(List.of("committed"), after);
  }

  @Test
  void aBulkLoadIsOnDiskWhenItCloses() {
    try (InvitationStore.Batch bulk = store.bulk(3)) {
      for (int i = 0; i < 10; i++) {
        bulk.ingest(invitation("Bulk " + i, "Paul", Optional.of("bulk-" + i)), ASK);
      }
    }
    InvitationStore reopened = new InvitationStore(again(), CLOCK);
    assertEquals(10, reopened.list(Optional.empty()).size());
    assertEquals(10, reopened.auditCount());
  }

  @Test
  void anAnswerFromTheSenderMovesAnAskedInvitationToAnswered() {
    store.ingest(invitation("Jane Doe", "Paul Okafor", Optional.of("7004")), ASK);
    long id = onlyId();
    decide(id, Decision.ASK, Actor.console("paul"));

    InvitationStore.MessageIngested result =
        store.ingestMessage(
            message("Jane Doe", "Paul Okafor", "Yes, we met at the meetup."),
            new Reply(ReplyClass.MET, Action.ACCEPT, List.of()));

    assertEquals(OptionalLong.of(id), result.answered());
    assertEquals(State.ANSWERED, store.find(id).orElseThrow().state());
    assertEquals(1, store.messages(OptionalLong.of(id)).size());
    assertEquals("met", store.messages(OptionalLong.of(id)).get(0).replyClass());
  }

  @Test
  void aMessageThatAnswersNothingIsKeptAndListed() {
    Message stray = message("Somebody Else", "Paul", "Hello there");

    InvitationStore.MessageIngested first = store.ingestMessage(stray, new Reply(ReplyClass.PITCH, Action.DECLINE, List.of()));
    InvitationStore.MessageIngested again = store.ingestMessage(stray, new Reply(ReplyClass.PITCH, Action.DECLINE, List.of()));

    assertEquals(OptionalLong.empty(), first.answered());
    assertTrue(again.alreadySeen());
    assertEquals(1, store.messages(OptionalLong.empty()).size());
  }

  @Test
  void whoFindsEverythingAboutAPersonByPartOfTheirName() {
    store.ingest(invitation("Jane Doe", "Paul", Optional.of("7005")), ASK);
    store.ingest(invitation("John Smith", "Paul", Optional.of("7006")), ASK);

    List<StoredInvitation> found = store.who("doe");

    assertEquals(1, found.size());
    assertEquals("Jane Doe", found.get(0).senderName());
  }

  @Test
  void countsInvitationsByState() {
    store.ingest(invitation("A One", "Paul", Optional.of("1")), ASK);
    store.ingest(invitation("B Two", "Paul", Optional.of("2")), ASK);
    long first = store.list(Optional.empty()).get(0).id();
    decide(first, Decision.ASK, Actor.console("paul"));

    assertEquals(1, store.countsByState().get(State.PENDING));
    assertEquals(1, store.countsByState().get(State.ASKED));
  }

  @Test
  void suppliesTheTeamSignalsOfASender() {
    for (String teammate : List.of("Ann", "Bo", "Cy")) {
      store.ingest(invitation("Spray Sender", teammate, Optional.of("spray-" + teammate)), ASK);
    }
    Invitation fourth = invitation("Spray Sender", "Di", Optional.of("spray-Di"));

    assertEquals(3, store.teamSignals(fourth).sameSenderInvitedTeammates(Duration.ofDays(7)));
    assertEquals(false, store.teamSignals(fourth).previouslyDeclinedByTeam());

    decide(store.who("Spray Sender").get(0).id(), Decision.DECLINE, Actor.slack("ann", "ann"));

    assertEquals(true, store.teamSignals(fourth).previouslyDeclinedByTeam());
    assertEquals(0, store.teamSignals(invitation("Someone New", "Di", Optional.of("new"))).sameSenderInvitedTeammates(Duration.ofDays(7)));
  }
}

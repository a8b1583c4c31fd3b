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
import io.doorman.testing.All;
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

  private Invitations store;
  private Ingestion ingestion;
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
    store = new Invitations(db);
    ingestion = new Ingestion(db, CLOCK);
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
    return message(from, recipient, text, Authenticity.LINKEDIN, Optional.empty());
  }

  static Message message(String from, String recipient, String text, Authenticity authenticity, Optional<String> profile) {
    Origin origin =
        new Origin("msg#" + counter++, Optional.of("<m" + counter + "@linkedin.com>"), Optional.of(recipient),
            authenticity, Optional.empty(), Language.EN);
    return new Message(origin, new Person(from, Optional.empty(), Optional.empty(), profile), text);
  }

  /** A decision through the decision service, as a channel would make it. */
  private void decide(long id, Decision decision, Actor actor) {
    new Decisions(opened.get(0), new Questions(Policy.defaults()), new Events(), CLOCK, Duration.ofDays(10))
        .decide(new Decisions.Request(id, decision, actor));
  }

  private long onlyId() {
    List<StoredInvitation> all = All.invitations(store);
    assertEquals(1, all.size());
    return all.get(0).id();
  }

  @Test
  void storesAnInvitationOnceAndCountsItsSightings() {
    Invitation original = invitation("Jane Doe", "Paul", Optional.of("7001"));
    Invitation reminder = invitation("Jane Doe", "Paul", Optional.of("7001"));

    assertTrue(ingestion.ingest(original, ASK).isNew());
    assertFalse(ingestion.ingest(reminder, ASK).isNew());
    assertFalse(ingestion.ingest(original, ASK).isNew());

    StoredInvitation stored = store.find(onlyId()).orElseThrow();
    assertEquals(3, stored.sightings());
    assertEquals(State.PENDING, stored.state());
    assertEquals("no-note", stored.category());
    assertEquals(List.of("no-note +1: no note"), stored.reasons());
    assertEquals(1, store.auditCount(), "one audit row: classified by the policy");
  }

  @Test
  void withoutAnInvitationIdTheSenderAndRecipientMakeItTheSame() {
    ingestion.ingest(invitation("Jane Doe", "Paul", Optional.empty()), ASK);
    ingestion.ingest(invitation("Jane Doe", "Paul", Optional.empty()), ASK);
    ingestion.ingest(invitation("Jane Doe", "Maria", Optional.empty()), ASK);

    assertEquals(2, All.invitations(store).size());
  }

  @Test
  void twoNodesStoringTheSameInvitationAtOnceStoreItOnce() throws Exception {
    Ingestion otherNode = new Ingestion(again(), CLOCK);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        Invitation same = invitation("Twin " + round, "Paul", Optional.of("twin-" + round));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Ingestion.Ingested>> results = new ArrayList<>();
        for (Ingestion node : List.of(ingestion, otherNode)) {
          Callable<Ingestion.Ingested> delivery =
              () -> {
                start.await();
                try (Ingestion.Batch batch = node.batch(10)) {
                  return batch.ingest(same, ASK);
                }
              };
          results.add(pool.submit(delivery));
        }
        start.countDown();
        Ingestion.Ingested first = results.get(0).get();
        Ingestion.Ingested second = results.get(1).get();
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
    Tx.Binder day1 = p -> p.set(1, "job one").set(2, CLOCK.instant());
    Tx.Binder day2 = p -> p.set(1, "job two").set(2, CLOCK.instant());
    String insert = "INSERT INTO leases (name, holder, expires_at) VALUES (?, 'a node', ?)";

    List<Boolean> inserted = db.inTransaction("insert three", tx -> List.of(
        tx.insertUnlessTaken(insert, day1), tx.insertUnlessTaken(insert, day1), tx.insertUnlessTaken(insert, day2)));

    assertEquals(List.of(true, false, true), inserted);
    long rows = db.inTransaction("count", tx -> tx.one("SELECT COUNT(*) FROM leases", Tx.Binder.NONE,
        r -> r.longValue(1)).orElseThrow());
    assertEquals(2, rows, "both committed, the first once");
  }

  @Test
  void aUniqueViolationThatEscapesItsWorkIsToldApart() {
    Database db = opened.get(0);
    String insert = "INSERT INTO leases (name, holder, expires_at) VALUES ('a job', 'a node', ?)";
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
    try (Ingestion.Batch bulk = ingestion.bulk(3)) {
      for (int i = 0; i < 10; i++) {
        bulk.ingest(invitation("Bulk " + i, "Paul", Optional.of("bulk-" + i)), ASK);
      }
    }
    Invitations reopened = new Invitations(again());
    assertEquals(10, All.invitations(reopened).size());
    assertEquals(10, reopened.auditCount());
  }

  @Test
  void anAnswerFromTheSenderMovesAnAskedInvitationToAnswered() {
    ingestion.ingest(invitation("Jane Doe", "Paul Okafor", Optional.of("7004")), ASK);
    long id = onlyId();
    decide(id, Decision.ASK, Actor.console("paul"));

    Ingestion.MessageIngested result =
        ingestion.ingestMessage(
            message("Jane Doe", "Paul Okafor", "Yes, we met at the meetup."),
            new Reply(ReplyClass.MET, Action.ACCEPT, List.of()));

    assertEquals(OptionalLong.of(id), result.answered());
    assertEquals(State.ANSWERED, store.find(id).orElseThrow().state());
    assertEquals(1, store.answers(id).size());
    assertEquals("met", store.answers(id).get(0).replyClass());
  }

  @Test
  void aSpoofedMessageAnswersNothing() {
    ingestion.ingest(invitation("Jane Doe", "Paul Okafor", Optional.of("7011")), ASK);
    long id = onlyId();
    decide(id, Decision.ASK, Actor.console("paul"));
    Message forged = message("Jane Doe", "Paul Okafor", "Yes, we met. Click here to confirm.", Authenticity.SPOOFED,
        Optional.of("https://www.linkedin.com/in/jane-doe"));

    Ingestion.MessageIngested result = ingestion.ingestMessage(forged, new Reply(ReplyClass.MET, Action.ACCEPT, List.of()));

    assertEquals(OptionalLong.empty(), result.answered());
    assertEquals(State.ASKED, store.find(id).orElseThrow().state(), "a forged answer changes nothing");
  }

  @Test
  void aNamesakeWithAnotherProfileAnswersNothingTheSenderDoes() {
    ingestion.ingest(invitation("Jane Doe", "Paul Okafor", Optional.of("7012")), ASK);
    long id = onlyId();
    decide(id, Decision.ASK, Actor.console("paul"));
    Reply met = new Reply(ReplyClass.MET, Action.ACCEPT, List.of());

    Ingestion.MessageIngested namesake = ingestion.ingestMessage(message("Jane Doe", "Paul Okafor", "Yes, we met!",
        Authenticity.LINKEDIN, Optional.of("https://www.linkedin.com/comm/in/jane-doe-7f3a")), met);
    assertEquals(OptionalLong.empty(), namesake.answered(), "the same display name, another member");

    Ingestion.MessageIngested sender = ingestion.ingestMessage(message("Jane Doe", "Paul Okafor", "Yes, we met at KubeCon.",
        Authenticity.LINKEDIN, Optional.of("https://www.linkedin.com/comm/in/Jane-Doe/")), met);
    assertEquals(OptionalLong.of(id), sender.answered());
  }

  @Test
  void aMessageThatAnswersNothingIsKeptAndListed() {
    Message stray = message("Somebody Else", "Paul", "Hello there");

    Ingestion.MessageIngested first = ingestion.ingestMessage(stray, new Reply(ReplyClass.PITCH, Action.DECLINE, List.of()));
    Ingestion.MessageIngested again = ingestion.ingestMessage(stray, new Reply(ReplyClass.PITCH, Action.DECLINE, List.of()));

    assertEquals(OptionalLong.empty(), first.answered());
    assertTrue(again.alreadySeen());
    assertEquals(1, store.unmatched(0, 100).size());
  }

  @Test
  void whoFindsEverythingAboutAPersonByPartOfTheirName() {
    ingestion.ingest(invitation("Jane Doe", "Paul", Optional.of("7005")), ASK);
    ingestion.ingest(invitation("John Smith", "Paul", Optional.of("7006")), ASK);

    List<StoredInvitation> found = All.invitations(store, Filter.ALL.sender("doe"));

    assertEquals(1, found.size());
    assertEquals("Jane Doe", found.get(0).senderName());
  }

  @Test
  void countsInvitationsByState() {
    ingestion.ingest(invitation("A One", "Paul", Optional.of("1")), ASK);
    ingestion.ingest(invitation("B Two", "Paul", Optional.of("2")), ASK);
    long first = All.invitations(store).get(0).id();
    decide(first, Decision.ASK, Actor.console("paul"));

    assertEquals(1, store.countsByState().get(State.PENDING));
    assertEquals(1, store.countsByState().get(State.ASKED));
  }

  @Test
  void suppliesTheTeamSignalsOfASender() {
    for (String teammate : List.of("Ann", "Bo", "Cy")) {
      ingestion.ingest(invitation("Spray Sender", teammate, Optional.of("spray-" + teammate)), ASK);
    }
    Invitation fourth = invitation("Spray Sender", "Di", Optional.of("spray-Di"));

    assertEquals(3, ingestion.teamSignals(fourth).sameSenderInvitedTeammates(Duration.ofDays(7)));
    assertEquals(false, ingestion.teamSignals(fourth).previouslyDeclinedByTeam());

    decide(All.invitations(store, Filter.ALL.sender("Spray Sender")).get(0).id(), Decision.DECLINE, Actor.slack("ann", "ann"));

    assertEquals(true, ingestion.teamSignals(fourth).previouslyDeclinedByTeam());
    assertEquals(0, ingestion.teamSignals(invitation("Someone New", "Di", Optional.of("new"))).sameSenderInvitedTeammates(Duration.ofDays(7)));
  }

  // ------------------------------------------------------------------ pages

  @Test
  void aListComesInPagesThatMeetNeitherGapNorOverlap() {
    for (int i = 0; i < 23; i++) {
      ingestion.ingest(invitation("Pager " + i, "Paul", Optional.of("page-" + i)), ASK);
    }
    decide(All.invitations(store).get(5).id(), Decision.ASK, Actor.console("paul"));
    List<Long> seen = new ArrayList<>();
    Optional<Cursor> after = Optional.empty();
    int pages = 0;
    do {
      Page<StoredInvitation> page = store.page(Filter.ALL, Invitations.Order.OLDEST_FIRST, after, 5);
      page.items().forEach(i -> seen.add(i.id()));
      after = page.next().map(c -> Cursor.parse(c.token()).orElseThrow()); // as it travels in a URL
      pages++;
    } while (after.isPresent());
    assertEquals(5, pages);
    assertEquals(23, seen.size());
    assertEquals(23, new HashSet<>(seen).size(), "no invitation twice");
    assertEquals(All.invitations(store).get(5).id(), seen.get(0), "ASKED sorts before PENDING, by state");
  }

  @Test
  void aPageOfOneStateRunsOldestOrNewestFirst() {
    for (int i = 0; i < 4; i++) {
      ingestion.ingest(invitation("Order " + i, "Paul", Optional.of("order-" + i)), ASK);
    }
    List<StoredInvitation> all = All.invitations(store);
    List<Long> oldest = store.page(Filter.inState(State.PENDING), Invitations.Order.OLDEST_FIRST, Optional.empty(), 3)
        .items().stream().map(StoredInvitation::id).toList();
    Page<StoredInvitation> newest = store.page(Filter.inState(State.PENDING), Invitations.Order.NEWEST_FIRST,
        Optional.empty(), 3);
    assertEquals(List.of(all.get(0).id(), all.get(1).id(), all.get(2).id()), oldest);
    assertEquals(all.get(3).id(), newest.items().get(0).id());
    assertEquals(all.get(0).id(), store.page(Filter.inState(State.PENDING), Invitations.Order.NEWEST_FIRST,
        newest.next(), 3).items().get(0).id(), "the next page goes on downwards");
  }

  @Test
  void listsFilterByStateCategoryRecipientSenderAndText() {
    ingestion.ingest(invitation("Jane Doe", "Paul", Optional.of("f1")), ASK);
    ingestion.ingest(invitation("John Smith", "maria@example.com", Optional.of("f2")),
        new Verdict(Category.SALES_PITCH, Action.DECLINE, List.of("pitch")));
    ingestion.ingest(invitation("Jo_Under%score", "Paul", Optional.of("f3")), ASK);

    assertEquals(List.of("John Smith"), names(Filter.ALL.category("sales-pitch")));
    assertEquals(List.of("John Smith"), names(Filter.ALL.recipient("MARIA@example.com")));
    assertEquals(List.of("Jane Doe"), names(Filter.ALL.sender("doe")));
    assertEquals(List.of("Jo_Under%score"), names(Filter.ALL.text("_under%")), "the text's wildcards are text");
    assertEquals(List.of("Jane Doe", "Jo_Under%score"), names(Filter.inState(State.PENDING).recipient("paul")));
    assertEquals(2, store.count(Filter.ALL.recipient("paul")));
    assertEquals(3, store.count(Filter.ALL.seenSince(CLOCK.instant().minusSeconds(1))));
    assertEquals(0, store.count(Filter.ALL.seenSince(CLOCK.instant())));
  }

  private List<String> names(Filter filter) {
    return All.invitations(store, filter).stream().map(StoredInvitation::senderName).toList();
  }
}

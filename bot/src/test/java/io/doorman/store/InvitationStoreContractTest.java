package io.doorman.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.doorman.followup.FollowUpListener;
import io.doorman.followup.FollowUps;
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
  void aDecisionMovesTheInvitationAndIsAudited() {
    store.ingest(invitation("Jane Doe", "Paul", Optional.of("7002")), ASK);
    long id = onlyId();

    Outcome outcome = store.decide(id, Decision.ACCEPT, new Actor("alice", Channel.SLACK));

    assertEquals(new Outcome.Applied(id, State.PENDING, State.ACCEPTED), outcome);
    StoredInvitation stored = store.find(id).orElseThrow();
    assertEquals(State.ACCEPTED, stored.state());
    assertEquals("alice", stored.stateBy());
    List<AuditEntry> history = store.history(id);
    assertEquals(2, history.size());
    AuditEntry last = history.get(1);
    assertEquals("alice", last.actor());
    assertEquals("slack", last.channel());
    assertEquals(Optional.of(State.PENDING), last.from());
    assertEquals(State.ACCEPTED, last.to());
  }

  @Test
  void listenersHearOfEachDecisionMadeButNotOfRefusedOnes() {
    store.ingest(invitation("Jane Doe", "Paul", Optional.of("7010")), ASK);
    List<String> heard = new ArrayList<>();
    store.onDecided((decision, actor) -> heard.add(decision + " by " + actor.name() + " via " + actor.channel()));
    long id = onlyId();
    store.decide(id, Decision.ACCEPT, new Actor("U1", Channel.SLACK));
    store.decide(id, Decision.DECLINE, new Actor("maria@example.com", Channel.EMAIL));
    assertEquals(List.of("ACCEPT by U1 via SLACK"), heard);
  }

  @Test
  void anInvalidTransitionIsRefusedNamingWhoDecided() {
    store.ingest(invitation("Jane Doe", "Paul", Optional.of("7003")), ASK);
    long id = onlyId();
    store.decide(id, Decision.DECLINE, new Actor("bob", Channel.SLACK));

    Outcome outcome = store.decide(id, Decision.ACCEPT, new Actor("alice", Channel.SLACK));

    Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, outcome);
    assertEquals(State.DECLINED, refused.current());
    assertEquals("bob", refused.by());
    assertTrue(refused.message().contains("already declined (by bob"), refused.message());
    assertEquals(State.DECLINED, store.find(id).orElseThrow().state());
    assertEquals(2, store.history(id).size(), "a refusal writes no audit row");
  }

  @Test
  void ofTwoSimultaneousDecisionsExactlyOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      store.ingest(invitation("Racer " + round, "Paul", Optional.of("race-" + round)), ASK);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (StoredInvitation inv : store.list(Optional.empty())) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        for (Decision d : List.of(Decision.ACCEPT, Decision.DECLINE)) {
          Callable<Outcome> click =
              () -> {
                start.await();
                return store.decide(inv.id(), d, new Actor("user-" + d, Channel.SLACK));
              };
          results.add(pool.submit(click));
        }
        start.countDown();
        int applied = 0;
        for (Future<Outcome> f : results) {
          if (f.get() instanceof Outcome.Applied) {
            applied++;
          }
        }
        assertEquals(1, applied, "exactly one decision wins for invitation " + inv.id());
        assertEquals(2, store.history(inv.id()).size());
      }
    } finally {
      pool.shutdownNow();
    }
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
    Database.Binder day1 = ps -> {
      ps.setString(1, "2026-12-01");
      ps.setObject(2, CLOCK.instant().atOffset(ZoneOffset.UTC));
    };
    Database.Binder day2 = ps -> {
      ps.setString(1, "2026-12-02");
      ps.setObject(2, CLOCK.instant().atOffset(ZoneOffset.UTC));
    };
    String insert = "INSERT INTO email_digests (digest_day, sent_at) VALUES (?, ?)";

    List<Boolean> inserted = db.inTransaction("insert three", c -> List.of(
        db.insertIfAbsent(c, insert, day1), db.insertIfAbsent(c, insert, day1), db.insertIfAbsent(c, insert, day2)));

    assertEquals(List.of(true, false, true), inserted);
    long rows = db.inTransaction("count", c -> {
      try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM email_digests")) {
        rs.next();
        return rs.getLong(1);
      }
    });
    assertEquals(2, rows, "both days committed, the first once");
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
    store.decide(id, Decision.ASK, Actor.console("paul"));

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
    store.decide(first, Decision.ASK, Actor.console("paul"));

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

    store.decide(store.who("Spray Sender").get(0).id(), Decision.DECLINE, new Actor("ann", Channel.SLACK));

    assertEquals(true, store.teamSignals(fourth).previouslyDeclinedByTeam());
    assertEquals(0, store.teamSignals(invitation("Someone New", "Di", Optional.of("new"))).sameSenderInvitedTeammates(Duration.ofDays(7)));
  }

  // ------------------------------------------------------------------ follow-ups

  private static final Duration TEN_DAYS = Duration.ofDays(10);

  /** Records what the channels were told. */
  private static final class Heard implements FollowUpListener {
    final List<Long> followUps = new CopyOnWriteArrayList<>();
    final List<Long> declines = new CopyOnWriteArrayList<>();

    @Override
    public void followUpDue(StoredInvitation invitation) {
      followUps.add(invitation.id());
    }

    @Override
    public void autoDeclined(StoredInvitation invitation) {
      declines.add(invitation.id());
    }
  }

  private long askedAt(InvitationStore s, MutableClock clock, String name) {
    s.ingest(invitation(name, "Paul", Optional.of("ask-" + name)), ASK);
    long id = s.who(name).get(0).id();
    assertInstanceOf(Outcome.Applied.class, s.decide(id, Decision.ASK, Actor.console("paul")));
    return id;
  }

  @Test
  void aFollowUpFiresAtExactlyFollowUpAfterAndOnlyOnce() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
    InvitationStore s = new InvitationStore(again(), clock);
    FollowUps followUps = new FollowUps(s, clock, TEN_DAYS, Optional.empty());
    Heard heard = new Heard();
    followUps.subscribe(heard);
    long id = askedAt(s, clock, "Jane Doe");

    clock.advance(TEN_DAYS.minusSeconds(1));
    assertEquals(new FollowUps.Run(0, 0), followUps.runDue());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(new FollowUps.Run(1, 0), followUps.runDue());
    assertEquals(new FollowUps.Run(0, 0), followUps.runDue());

    assertEquals(List.of(id), heard.followUps);
    assertEquals(State.FOLLOW_UP, s.find(id).orElseThrow().state());
    assertEquals("policy", s.history(id).get(2).actor());
  }

  @Test
  void anAnswerCancelsTheFollowUp() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
    InvitationStore s = new InvitationStore(again(), clock);
    FollowUps followUps = new FollowUps(s, clock, TEN_DAYS, Optional.of(Duration.ofDays(14)));
    long id = askedAt(s, clock, "Jane Doe");
    clock.advance(Duration.ofDays(3));
    s.ingestMessage(message("Jane Doe", "Paul", "We met in Lisbon"), new Reply(ReplyClass.MET, Action.ACCEPT, List.of()));

    clock.advance(Duration.ofDays(30));

    assertEquals(new FollowUps.Run(0, 0), followUps.runDue());
    assertEquals(State.ANSWERED, s.find(id).orElseThrow().state());
  }

  @Test
  void withAutoDeclineSetTheSilentAreDeclinedByThePolicy() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
    InvitationStore s = new InvitationStore(again(), clock);
    FollowUps followUps = new FollowUps(s, clock, TEN_DAYS, Optional.of(Duration.ofDays(14)));
    Heard heard = new Heard();
    followUps.subscribe(heard);
    long id = askedAt(s, clock, "Jane Doe");

    clock.advance(TEN_DAYS);
    assertEquals(new FollowUps.Run(1, 0), followUps.runDue());
    clock.advance(Duration.ofDays(4));
    assertEquals(new FollowUps.Run(0, 1), followUps.runDue());

    StoredInvitation declined = s.find(id).orElseThrow();
    assertEquals(State.DECLINED, declined.state());
    assertEquals("policy", declined.stateBy());
    assertEquals(List.of(id), heard.declines);
  }

  @Test
  void aFollowUpSurvivesARestartBetweenAskAndDueTime() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
    long id = askedAt(new InvitationStore(again(), clock), clock, "Jane Doe");

    clock.advance(TEN_DAYS);
    InvitationStore restarted = new InvitationStore(again(), clock);
    FollowUps followUps = new FollowUps(restarted, clock, TEN_DAYS, Optional.empty());

    assertEquals(new FollowUps.Run(1, 0), followUps.runDue());
    assertEquals(State.FOLLOW_UP, restarted.find(id).orElseThrow().state());
  }

  @Test
  void withTwoNodesEachFollowUpFiresExactlyOnce() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
    InvitationStore first = new InvitationStore(again(), clock);
    for (int i = 0; i < 20; i++) {
      askedAt(first, clock, "Sender " + i);
    }
    clock.advance(TEN_DAYS);
    Heard heard = new Heard();
    List<FollowUps> nodes = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      FollowUps f = new FollowUps(new InvitationStore(again(), clock), clock, TEN_DAYS, Optional.empty());
      f.subscribe(heard);
      nodes.add(f);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<FollowUps.Run>> runs = new ArrayList<>();
      for (FollowUps f : nodes) {
        runs.add(pool.submit(() -> {
          start.await();
          return f.runDue();
        }));
      }
      start.countDown();
      int fired = 0;
      for (Future<FollowUps.Run> r : runs) {
        fired += r.get().followedUp();
      }
      assertEquals(20, fired);
      assertEquals(20, heard.followUps.size());
      assertEquals(20, new HashSet<>(heard.followUps).size(), "no follow-up told twice");
    } finally {
      pool.shutdownNow();
    }
  }
}

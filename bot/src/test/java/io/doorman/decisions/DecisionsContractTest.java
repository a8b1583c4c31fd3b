package io.doorman.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.lifecycle.Actor;
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
import io.doorman.policies.engine.Policy;
import io.doorman.store.AuditEntry;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import io.doorman.store.MutableClock;
import io.doorman.store.StoredInvitation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the decision service does on every database behind it: the one rule set, one transaction
 * per decision, one event after commit, and the policy's follow-ups exactly once across nodes.
 * Subclasses supply only the database.
 */
abstract class DecisionsContractTest {

  static final Verdict ASK = new Verdict(Category.NO_NOTE, Action.ASK, List.of("no-note +1: no note"));
  static final Duration TEN_DAYS = Duration.ofDays(10);

  /** A new, empty database for each test. */
  abstract Database freshDatabase();

  /** The last fresh database again, opened anew: a restart, or a second node. */
  abstract Database sameDatabaseAgain();

  private final List<Database> opened = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
  private final Policy policy = Policy.defaults();
  private static int counter;

  /** One node: its store, its decision service and follow-ups, and what its listeners heard. */
  final class Node {
    final Invitations store;
    final Ingestion ingestion;
    final Decisions decisions;
    final FollowUps followUps;
    final List<Event> heard = new CopyOnWriteArrayList<>();

    Node(Database db, Optional<Duration> autoDecline) {
      opened.add(db);
      Events events = new Events();
      events.listen(heard::add);
      store = new Invitations(db);
      ingestion = new Ingestion(db, clock);
      decisions = new Decisions(db, new Questions(policy), events, clock, TEN_DAYS);
      followUps = new FollowUps(store, decisions, clock, TEN_DAYS, autoDecline);
    }

    long ingest(String name, String recipient) {
      return ingestion.ingest(invitation(name, recipient), ASK).invitationId();
    }

    Outcome decide(long id, Decision d, Actor actor) {
      return decisions.decide(new Decisions.Request(id, d, actor));
    }

    long asked(String name) {
      long id = ingest(name, "Paul");
      assertInstanceOf(Outcome.Applied.class, decide(id, Decision.ASK, Actor.console("paul")));
      return id;
    }

    List<Long> followUpsHeard() {
      return heard.stream().filter(e -> e instanceof Event.FollowUpDue).map(Event::invitationId).toList();
    }
  }

  private Node node;

  @BeforeEach
  void open() {
    node = new Node(freshDatabase(), Optional.empty());
  }

  Node another(Optional<Duration> autoDecline) {
    return new Node(sameDatabaseAgain(), autoDecline);
  }

  @AfterEach
  void closeDatabases() {
    opened.forEach(Database::close);
  }

  static Invitation invitation(String name, String recipient) {
    Origin origin = new Origin("test#" + counter++, Optional.empty(), Optional.of(recipient), Authenticity.LINKEDIN,
        Optional.empty(), Language.EN);
    Person sender = new Person(name, Optional.of("Engineer"), Optional.empty(),
        Optional.of("https://www.linkedin.com/in/" + name.toLowerCase().replace(' ', '-')));
    return new Invitation(origin, sender, OptionalInt.of(3), Optional.empty(), Optional.empty(),
        Optional.of("inv-" + name + "-" + recipient), false);
  }

  static Message message(String from, String recipient, String text) {
    Origin origin = new Origin("msg#" + counter++, Optional.of("<m" + counter + "@linkedin.com>"),
        Optional.of(recipient), Authenticity.LINKEDIN, Optional.empty(), Language.EN);
    return new Message(origin, Person.named(from), text);
  }

  // ------------------------------------------------------------------ decisions

  @Test
  void aDecisionMovesTheInvitationIsAuditedAndToldOnceCommitted() {
    long id = node.ingest("Jane Doe", "Paul");

    Outcome outcome = node.decide(id, Decision.ACCEPT, Actor.slack("U0ALICE", "alice"));

    assertEquals(new Outcome.Applied(id, Decision.ACCEPT, State.PENDING, State.ACCEPTED), outcome);
    StoredInvitation stored = node.store.find(id).orElseThrow();
    assertEquals(State.ACCEPTED, stored.state());
    assertEquals("@U0ALICE", stored.stateBy());
    AuditEntry last = node.store.history(id).get(1);
    assertEquals("@U0ALICE", last.actor());
    assertEquals("alice", last.actorName());
    assertEquals("slack", last.channel());
    assertEquals(Optional.of(State.PENDING), last.from());
    Event.Decided told = assertInstanceOf(Event.Decided.class, node.heard.get(0));
    assertEquals(Decision.ACCEPT, told.decision());
    assertEquals("alice", told.actor().name());
  }

  @Test
  void aRefusedDecisionNamesWhoDecidedWritesNothingAndIsNotTold() {
    long id = node.ingest("Jane Doe", "Paul");
    node.decide(id, Decision.DECLINE, Actor.slack("U0BOB", "bob"));
    node.heard.clear();

    Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class,
        node.decide(id, Decision.ACCEPT, Actor.email("maria@example.com")));

    assertEquals(State.DECLINED, refused.current());
    assertEquals("@U0BOB", refused.by());
    assertTrue(refused.message().contains("already declined (by @U0BOB"), refused.message());
    assertEquals(2, node.store.history(id).size(), "a refusal writes no audit row");
    assertEquals(List.of(), node.heard);
  }

  @Test
  void waitIsOnlyForAFollowUpOnEveryChannel() {
    long id = node.asked("Jane Doe");
    node.ingestion.ingestMessage(message("Jane Doe", "Paul", "Yes, we met in Lisbon"),
        new Reply(ReplyClass.MET, Action.ACCEPT, List.of()));
    assertEquals(State.ANSWERED, node.store.find(id).orElseThrow().state());

    for (Actor actor : List.of(Actor.slack("U0BOB", "bob"), Actor.email("a@example.com"), Actor.console("alex"),
        Actor.cli("paul"))) {
      Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, node.decide(id, Decision.WAIT, actor));
      assertEquals(State.ANSWERED, refused.current());
      assertTrue(refused.message().contains("only a follow-up can wait"), refused.message());
    }
    assertEquals(State.ANSWERED, node.store.find(id).orElseThrow().state(), "a stale nudge moves nothing back");

    long late = node.asked("Sam Late");
    clock.advance(TEN_DAYS);
    node.followUps.runDue();
    assertInstanceOf(Outcome.Applied.class, node.decide(late, Decision.WAIT, Actor.console("alex")));
    assertEquals(State.ASKED, node.store.find(late).orElseThrow().state());
    assertTrue(node.store.question(late).orElseThrow().question().startsWith("Hi Sam,"),
        "waiting keeps the question asked");
  }

  @Test
  void anAskStoresTheEditedQuestionOrThePolicysInTheSameTransaction() {
    long edited = node.ingest("Jane Doe", "Paul Okafor");
    long plain = node.ingest("Dana Voss", "alex.morgan@example.com");

    node.decisions.decide(new Decisions.Request(edited, Decision.ASK, Optional.of("  Jane, was it Denver?  "),
        Actor.console("alex")));
    node.decide(plain, Decision.ASK, Actor.console("alex"));

    assertEquals("Jane, was it Denver?", node.store.question(edited).orElseThrow().question());
    assertEquals("alex", node.store.question(edited).orElseThrow().askedBy());
    String policys = node.store.question(plain).orElseThrow().question();
    assertTrue(policys.startsWith("Hi Dana,"), policys);
    Event.Decided told = assertInstanceOf(Event.Decided.class, node.heard.get(0));
    assertEquals(Optional.of("Jane, was it Denver?"), told.question());
  }

  @Test
  void ofTwoSimultaneousAsksTheLoserLeavesTheWinnersQuestion() throws Exception {
    Node other = another(Optional.empty());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        long id = node.ingest("Racer " + round, "Paul");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        for (Node n : List.of(node, other)) {
          String mine = "question of " + System.identityHashCode(n);
          Callable<Outcome> ask = () -> {
            start.await();
            return n.decisions.decide(new Decisions.Request(id, Decision.ASK, Optional.of(mine),
                Actor.console("user-" + System.identityHashCode(n))));
          };
          results.add(pool.submit(ask));
        }
        start.countDown();
        List<Outcome> outcomes = List.of(results.get(0).get(), results.get(1).get());
        assertEquals(1, outcomes.stream().filter(o -> o instanceof Outcome.Applied).count(), "exactly one wins");
        Node winner = outcomes.get(0) instanceof Outcome.Applied ? node : other;
        assertEquals("question of " + System.identityHashCode(winner), node.store.question(id).orElseThrow().question());
        assertEquals(2, node.store.history(id).size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ofTwoSimultaneousDecisionsExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        long id = node.ingest("Racer " + round, "Paul");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        for (Decision d : List.of(Decision.ACCEPT, Decision.DECLINE)) {
          Callable<Outcome> click = () -> {
            start.await();
            return node.decide(id, d, Actor.slack("user-" + d, ""));
          };
          results.add(pool.submit(click));
        }
        start.countDown();
        int applied = 0;
        for (Future<Outcome> f : results) {
          applied += f.get() instanceof Outcome.Applied ? 1 : 0;
        }
        assertEquals(1, applied, "exactly one decision wins for invitation " + id);
        assertEquals(2, node.store.history(id).size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ the policy's follow-ups

  @Test
  void aFollowUpHappensAtExactlyFollowUpAfterAndOnlyOnce() {
    long id = node.asked("Jane Doe");

    clock.advance(TEN_DAYS.minusSeconds(1));
    assertEquals(new FollowUps.Run(0, 0), node.followUps.runDue());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(new FollowUps.Run(1, 0), node.followUps.runDue());
    assertEquals(new FollowUps.Run(0, 0), node.followUps.runDue());

    assertEquals(List.of(id), node.followUpsHeard());
    assertEquals(State.FOLLOW_UP, node.store.find(id).orElseThrow().state());
    assertEquals("policy", node.store.history(id).get(2).actor());
  }

  @Test
  void anAnswerCancelsTheFollowUp() {
    Node n = another(Optional.of(Duration.ofDays(14)));
    long id = n.asked("Jane Doe");
    clock.advance(Duration.ofDays(3));
    n.ingestion.ingestMessage(message("Jane Doe", "Paul", "We met in Lisbon"), new Reply(ReplyClass.MET, Action.ACCEPT, List.of()));

    clock.advance(Duration.ofDays(30));

    assertEquals(new FollowUps.Run(0, 0), n.followUps.runDue());
    assertEquals(State.ANSWERED, n.store.find(id).orElseThrow().state());
  }

  @Test
  void withAutoDeclineSetTheSilentAreDeclinedByThePolicy() {
    Node n = another(Optional.of(Duration.ofDays(14)));
    long id = n.asked("Jane Doe");

    clock.advance(TEN_DAYS);
    assertEquals(new FollowUps.Run(1, 0), n.followUps.runDue());
    clock.advance(Duration.ofDays(4));
    assertEquals(new FollowUps.Run(0, 1), n.followUps.runDue());

    StoredInvitation declined = n.store.find(id).orElseThrow();
    assertEquals(State.DECLINED, declined.state());
    assertEquals("policy", declined.stateBy());
    Event.Decided told = (Event.Decided) n.heard.get(n.heard.size() - 1);
    assertTrue(told.automatic() && told.decision() == Decision.DECLINE, told.toString());
  }

  @Test
  void aFollowUpSurvivesARestartBetweenAskAndDueTime() {
    long id = node.asked("Jane Doe");

    clock.advance(TEN_DAYS);
    Node restarted = another(Optional.empty());

    assertEquals(new FollowUps.Run(1, 0), restarted.followUps.runDue());
    assertEquals(State.FOLLOW_UP, restarted.store.find(id).orElseThrow().state());
  }

  @Test
  void withTwoNodesEachFollowUpHappensExactlyOnce() throws Exception {
    for (int i = 0; i < 20; i++) {
      node.asked("Sender " + i);
    }
    clock.advance(TEN_DAYS);
    List<Node> nodes = List.of(another(Optional.empty()), another(Optional.empty()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<FollowUps.Run>> runs = new ArrayList<>();
      for (Node n : nodes) {
        runs.add(pool.submit(() -> {
          start.await();
          return n.followUps.runDue();
        }));
      }
      start.countDown();
      int fired = 0;
      for (Future<FollowUps.Run> r : runs) {
        fired += r.get().followedUp();
      }
      assertEquals(20, fired);
      List<Long> told = new ArrayList<>(nodes.get(0).followUpsHeard());
      told.addAll(nodes.get(1).followUpsHeard());
      assertEquals(20, told.size());
      assertEquals(20, new HashSet<>(told).size(), "no follow-up told twice");
    } finally {
      pool.shutdownNow();
    }
  }
}

package io.doorman.slack.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Action;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.Verdict;
import io.doorman.slack.FakeSlackApi;
import io.doorman.slack.SlackHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack's effects go out through the outbox in order, once, across restarts, at Slack's pace. */
class SlackDeliveryTest {

  @TempDir Path dir;
  private SlackHarness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  private void store(int n, String recipient) {
    for (int i = 0; i < n; i++) {
      String name = String.format("Sender %03d", i);
      Origin origin = new Origin("backlog#" + i, Optional.empty(), Optional.of(recipient), Authenticity.LINKEDIN,
          Optional.empty(), Language.EN);
      Person sender = new Person(name, Optional.of("Engineer"), Optional.empty(),
          Optional.of("https://www.linkedin.com/in/sender-" + i));
      h.store(new Invitation(origin, sender, OptionalInt.empty(), Optional.empty(), Optional.empty(),
          Optional.of("inv-" + recipient.hashCode() + "-" + i), false),
          new Verdict(Category.NO_NOTE, Action.ASK, List.of("no note")));
    }
  }

  private static List<String> senders(List<FakeSlackApi.Call> posts) {
    List<String> out = new ArrayList<>();
    for (FakeSlackApi.Call c : posts) {
      out.add(c.param("text").substring(0, "Sender 000".length()));
    }
    return out;
  }

  @Test
  void aBacklogDrainedPartlyIsDeliveredInOrderAndOnceAfterARestart() throws Exception {
    h = new SlackHarness(dir);
    store(500, "Alex Morgan");
    for (int i = 0; i < 25; i++) {
      assertEquals(1, h.drainOnce(), "one post per channel per round");
    }
    assertEquals(25, h.calls("chat.postMessage").size());

    h.stopApp();
    h.open();
    h.drain();

    List<FakeSlackApi.Call> posts = h.calls("chat.postMessage");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      expected.add(String.format("Sender %03d", i));
    }
    assertEquals(expected, senders(posts), "every invitation once, in id order");
    assertEquals(0, h.calls("chat.update").size(), "nothing changed, nothing updated");
  }

  @Test
  void twoNodesOnOneDatabasePostEachCardOnceAndTheSecondTakesOverWhenTheFirstCloses() throws Exception {
    h = new SlackHarness(dir);
    store(10, "Alex Morgan");
    SlackHarness.Node other = h.anotherNode();
    for (int i = 0; i < 30; i++) {
      h.drainOnce();
      other.drainOnce();
    }
    assertEquals(10, h.calls("chat.postMessage").size(), "each card once, by the node holding the lease");

    h.store(new Invitation(new Origin("late", Optional.empty(), Optional.of("Alex Morgan"),
        Authenticity.LINKEDIN, Optional.empty(), Language.EN), Person.named("Late Comer"), OptionalInt.empty(),
        Optional.empty(), Optional.empty(), Optional.of("late-1"), false),
        new Verdict(Category.NO_NOTE, Action.ASK, List.of("no note")));
    h.stopApp();
    assertEquals(1, other.drainOnce(), "the lease was released: the other node posts at once");
    other.close();
    h.open();
  }

  @Test
  void aRateLimitIsHonouredAndNothingIsLostOrDoubled() throws Exception {
    h = new SlackHarness(dir);
    store(3, "Alex Morgan");
    h.slack.rateLimit("chat.postMessage", 1, 1);
    long started = System.nanoTime();
    h.relay.start();
    h.slack.await(Duration.ofSeconds(10), calls -> calls.stream().filter(c -> c.method().equals("chat.postMessage")).count() >= 4);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "waited the Retry-After: " + took);
    assertEquals(List.of("Sender 000", "Sender 001", "Sender 002"),
        h.slack.messages().stream().map(m -> m.text().substring(0, 10)).toList());
  }

  @Test
  void aReminderOrARepeatForwardUpdatesTheExistingCard() throws Exception {
    h = new SlackHarness(dir);
    long id = h.ingestInvitation("Marco Bellini", "Alex Morgan", "", "7400");
    h.drain();
    assertEquals(id, h.ingestInvitation("Marco Bellini", "Alex Morgan", "", "7400"));
    h.drain();

    assertEquals(1, h.calls("chat.postMessage").size());
    assertEquals(1, h.calls("chat.update").size());
    assertTrue(h.slack.messages().get(0).blocks().contains("seen 2 times"));
  }

  @Test
  void teamsRouteEachRecipientToTheirChannelAndGroupOneSendersInvitations() throws Exception {
    h = new SlackHarness(dir, Set.of("C0SALES", "C0ENG"),
        Map.of("slack.teams", "C0SALES=Sam Seller,Sue Seller;C0ENG=Alex Morgan"));
    h.ingestInvitation("Rec Ruiter", "Sam Seller", "", "7501");
    h.ingestInvitation("Rec Ruiter", "Sue Seller", "", "7502");
    h.ingestInvitation("Rec Ruiter", "Alex Morgan", "", "7503");
    h.ingestInvitation("Nobody Routed", "Zed Outsider", "", "7504");
    h.drain();

    List<FakeSlackApi.Call> posts = h.calls("chat.postMessage");
    assertEquals(2, posts.size(), "one card per channel: the sales pair grouped");
    Set<String> channels = new HashSet<>();
    posts.forEach(p -> channels.add(p.param("channel")));
    assertEquals(Set.of("C0SALES", "C0ENG"), channels);
    FakeSlackApi.Posted sales = h.slack.messages().stream().filter(m -> m.channel().equals("C0SALES")).findFirst().orElseThrow();
    assertTrue(sales.blocks().contains("with 2 of you"), sales.blocks());
    assertTrue(sales.blocks().contains("For *Sam Seller*") && sales.blocks().contains("For *Sue Seller*"));
    FakeSlackApi.Posted eng = h.slack.messages().stream().filter(m -> m.channel().equals("C0ENG")).findFirst().orElseThrow();
    assertTrue(eng.blocks().contains("wants to connect with *Alex Morgan*"), eng.blocks());
  }

  @Test
  void aSenderInvitingAgainAfterADecisionGetsANewCardNotAnUpdateFarUpTheChannel() throws Exception {
    h = new SlackHarness(dir, Set.of("C0SALES"), Map.of("slack.teams", "C0SALES=Sam Seller,Sue Seller"));
    h.slack.members("C0SALES", "U0SAM");
    long first = h.ingestInvitation("Rec Ruiter", "Sam Seller", "", "7701");
    h.drain();
    h.decide(first, io.doorman.lifecycle.Decision.DECLINE, io.doorman.lifecycle.Actor.console("sam"));
    h.drain();
    h.ingestInvitation("Rec Ruiter", "Sue Seller", "", "7702");
    h.drain();
    assertEquals(2, h.calls("chat.postMessage").size());
    assertEquals(1, h.calls("chat.update").size(), "only the decision updated the first card");
  }

  @Test
  void invitationsDecidedBeforeTheyWerePostedGetNoCard() throws Exception {
    h = new SlackHarness(dir);
    long id = h.ingestInvitation("Marco Bellini", "Alex Morgan", "", "7600");
    h.decide(id, io.doorman.lifecycle.Decision.DECLINE, io.doorman.lifecycle.Actor.console("alex"));
    h.drain();
    assertEquals(0, h.calls("chat.postMessage").size());
    h.store.find(id).orElseThrow();
  }
}

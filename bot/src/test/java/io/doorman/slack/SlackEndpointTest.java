package io.doorman.slack;

import static io.doorman.slack.SlackHarness.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.lifecycle.State;
import io.doorman.slack.cards.ActionIds;
import io.doorman.store.AuditEntry;
import io.doorman.store.StoredInvitation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An email in, a card out, a signed click on the real endpoint, the decision stored and shown. */
class SlackEndpointTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path dir;
  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness(dir);
    h.slack.members(CHANNEL, "U0ALICE", "U0BOB");
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private long postedInvitation() throws Exception {
    long id = h.ingestInvitation("Marco Bellini", "Alex Morgan", "", "7301");
    h.drain();
    assertEquals(1, h.calls("chat.postMessage").size());
    return id;
  }

  @Test
  void anEmailBecomesACardAndASignedClickDecidesAndUpdatesItInPlace() throws Exception {
    long id = postedInvitation();
    FakeSlackApi.Call post = h.calls("chat.postMessage").get(0);
    assertEquals(CHANNEL, post.param("channel"));
    assertTrue(post.allText().contains("*Marco Bellini* wants to connect"), post.allText());
    assertTrue(post.param("blocks").contains(ActionIds.ACCEPT));

    HttpResponse<String> response = h.click(ActionIds.ACCEPT, id, "U0ALICE", CHANNEL);
    assertEquals(200, response.statusCode(), response.body());

    StoredInvitation decided = h.store.find(id).orElseThrow();
    assertEquals(State.ACCEPTED, decided.state());
    assertEquals("@U0ALICE", decided.stateBy());
    AuditEntry last = h.store.history(id).get(h.store.history(id).size() - 1);
    assertEquals("slack", last.channel());
    assertEquals(State.ACCEPTED, last.to());

    h.drain();
    List<FakeSlackApi.Call> updates = h.calls("chat.update");
    assertEquals(1, updates.size());
    FakeSlackApi.Posted card = h.slack.messages().get(0);
    assertEquals(card.ts(), updates.get(0).param("ts"));
    assertTrue(card.blocks().contains("*Accepted* by <@U0ALICE>"), card.blocks());
    assertFalse(card.blocks().contains(ActionIds.ACCEPT), "no stale buttons");
    assertFalse(card.blocks().contains(ActionIds.DECLINE), "no stale buttons");
    assertEquals(1, h.slack.messages().size(), "updated in place, not posted again");
  }

  @Test
  void aNoteTryingToMentionTheChannelOrDisguiseALinkIsPostedEscaped() throws Exception {
    h.ingestInvitation("Eve Evil", "Alex Morgan",
        "Hello <!channel>, see <https://evil.example|linkedin.com> for my offer & more", "7302");
    h.drain();
    String text = h.calls("chat.postMessage").get(0).allText();
    assertTrue(text.contains("&lt;!channel&gt;"), text);
    assertTrue(text.contains("&lt;https://evil.example|linkedin.com&gt;"), text);
    assertFalse(text.contains("<!channel>"), text);
    assertFalse(text.contains("<https://evil.example"), text);
  }

  @Test
  void twoTeammatesClickingAtOnceMakeOneDecisionAndTheOtherIsTold() throws Exception {
    long id = postedInvitation();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
    for (String[] who : List.of(new String[] {"U0ALICE", ActionIds.ACCEPT}, new String[] {"U0BOB", ActionIds.DECLINE})) {
      Callable<HttpResponse<String>> click = () -> {
        go.await();
        return h.click(who[1], id, who[0], CHANNEL);
      };
      clicks.add(pool.submit(click));
    }
    go.countDown();
    for (Future<HttpResponse<String>> f : clicks) {
      assertEquals(200, f.get().statusCode());
    }
    pool.shutdown();

    StoredInvitation decided = h.store.find(id).orElseThrow();
    assertTrue(decided.state() == State.ACCEPTED || decided.state() == State.DECLINED);
    assertEquals(2, h.store.history(id).size(), "created + exactly one decision");
    h.drain(); // notices go out through the outbox
    List<FakeSlackApi.Call> notices = h.slack.await("chat.postEphemeral", 1);
    String loser = decided.stateBy().equals("@U0ALICE") ? "U0BOB" : "U0ALICE";
    assertEquals(loser, notices.get(0).param("user"));
    assertTrue(notices.get(0).param("text").startsWith("Too late: this invitation was already "
        + decided.state().name().toLowerCase() + " by <" + decided.stateBy() + ">"), notices.get(0).param("text"));
    h.drain();
    assertEquals(1, h.calls("chat.postEphemeral").size());
  }

  @Test
  void aForgedSignatureOrATimestampOver300SecondsEitherWayIsRefusedAndChangesNothing() throws Exception {
    long id = postedInvitation();
    long audit = h.store.auditCount();
    String body = SlackHarness.clickBody(ActionIds.ACCEPT, id, "U0ALICE", CHANNEL);
    long now = h.clock.instant().getEpochSecond();

    assertEquals(401, h.post(body, FORM, now, Optional.of("v0=" + "0".repeat(64)), Map.of()).statusCode());
    assertEquals(401, h.post(body, FORM, now - 301, Optional.empty(), Map.of()).statusCode());
    assertEquals(401, h.post(body, FORM, now + 301, Optional.empty(), Map.of()).statusCode());
    assertEquals(401, h.post(body, FORM, now, Optional.of(""), Map.of()).statusCode());

    assertEquals(State.PENDING, h.store.find(id).orElseThrow().state());
    assertEquals(audit, h.store.auditCount());
    h.drain();
    assertEquals(0, h.calls("chat.update").size());
    assertEquals(0, h.calls("chat.postEphemeral").size());
    // Within the window, the same click is taken: the refusals above were for the reasons tested.
    assertEquals(200, h.post(body, FORM, now - 300, Optional.empty(), Map.of()).statusCode());
    assertEquals(State.ACCEPTED, h.store.find(id).orElseThrow().state());
  }

  @Test
  void aReplayedClickOrASlackRetryHasNoEffect() throws Exception {
    long id = postedInvitation();
    String body = SlackHarness.clickBody(ActionIds.DECLINE, id, "U0BOB", CHANNEL);
    long now = h.clock.instant().getEpochSecond();
    assertEquals(200, h.post(body, FORM, now, Optional.empty(), Map.of()).statusCode());
    long audit = h.store.auditCount();

    assertEquals(200, h.post(body, FORM, now, Optional.empty(), Map.of()).statusCode());
    assertEquals(200, h.post(body, FORM, now, Optional.empty(),
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode());

    assertEquals(audit, h.store.auditCount());
    assertEquals(State.DECLINED, h.store.find(id).orElseThrow().state());
    h.drain();
    assertEquals(0, h.calls("chat.postEphemeral").size(), "a replay is not even refused: it does nothing");
  }

  @Test
  void aClickThroughBoltAsSocketModeDeliversItDecidesToo() throws Exception {
    long id = postedInvitation();
    String form = SlackHarness.clickBody(ActionIds.DECLINE, id, "U0BOB", CHANNEL);
    String payload = java.net.URLDecoder.decode(form.substring("payload=".length()), java.nio.charset.StandardCharsets.UTF_8);
    var response = h.app.bolt().run(new com.slack.api.bolt.request.builtin.BlockActionRequest(form, payload,
        new com.slack.api.bolt.request.RequestHeaders(Map.of())));
    assertEquals(200, response.getStatusCode());
    assertEquals(State.DECLINED, h.store.find(id).orElseThrow().state());
    assertEquals("@U0BOB", h.store.find(id).orElseThrow().stateBy());
  }

  @Test
  void slacksUrlVerificationIsAnsweredWithTheChallengeOnlyWhenSigned() throws Exception {
    String body = "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
        + "\"type\":\"url_verification\"}";
    HttpResponse<String> r = h.post(body, "application/json");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), r.body());
    long now = h.clock.instant().getEpochSecond();
    assertEquals(401, h.post(body, "application/json", now, Optional.of("v0=bad"), Map.of()).statusCode());
  }

  @Test
  void someoneOutsideTheChannelCannotDecide() throws Exception {
    long id = postedInvitation();
    assertEquals(200, h.click(ActionIds.ACCEPT, id, "U0EVE", CHANNEL).statusCode());
    assertEquals(State.PENDING, h.store.find(id).orElseThrow().state());
    h.drain(); // notices go out through the outbox
    List<FakeSlackApi.Call> notices = h.slack.await("chat.postEphemeral", 1);
    assertTrue(notices.get(0).param("text").contains("Only members of <#" + CHANNEL + ">"));
  }
}

package io.doorman.slack;

import static io.doorman.slack.SlackHarness.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.doorman.lifecycle.State;
import io.doorman.slack.cards.ActionIds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Have we met?" from the card: the modal, the thread, the answer and the follow-up nudge. */
class AskFlowTest {

  private static final Path GERMAN = Path.of("..", "samples", "06-invitation-german-mutual.eml");

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

  private List<FakeSlackApi.Posted> thread(String ts) {
    return h.slack.messages().stream().filter(m -> m.threadTs().equals(java.util.Optional.of(ts))).toList();
  }

  @Test
  void askOpensTheModalInTheSendersLanguageAndSubmittingRecordsItAndPostsTheTextInTheThread() throws Exception {
    long id = h.ingestFile(GERMAN);
    h.drain();
    String cardTs = h.slack.messages().get(0).ts();

    assertEquals(200, h.click(ActionIds.ASK, id, "U0ALICE", CHANNEL).statusCode());
    FakeSlackApi.Call open = h.slack.await("views.open", 1).get(0);
    JsonObject view = open.json("view").getAsJsonObject();
    assertEquals(ActionIds.ASK_MODAL, view.get("callback_id").getAsString());
    assertEquals(Long.toString(id), view.get("private_metadata").getAsString());
    assertTrue(open.allText().contains("Hallo Jonas, danke für die Einladung! Kennen wir uns?"), open.allText());
    assertEquals(State.PENDING, h.store.find(id).orElseThrow().state(), "opening the modal decides nothing");

    HttpResponse<String> submitted = h.submitAsk(id, "U0ALICE", "Hallo Jonas, kennen wir uns vom Meetup? <!here>");
    assertEquals(200, submitted.statusCode());
    assertFalse(submitted.body().contains("errors"), submitted.body());
    assertEquals(State.ASKED, h.store.find(id).orElseThrow().state());
    assertEquals("@U0ALICE", h.store.find(id).orElseThrow().stateBy());

    h.drain();
    List<FakeSlackApi.Posted> thread = thread(cardTs);
    assertEquals(1, thread.size());
    String post = thread.get(0).blocks();
    assertTrue(post.contains("<@U0ALICE> asked"), post);
    assertTrue(post.contains("> Hallo Jonas, kennen wir uns vom Meetup? &lt;!here&gt;"), post);
    assertTrue(post.contains("<https://www.linkedin.com/comm/in/jonas-keller-sample|Open Jonas Keller's profile>"), post);
    assertTrue(h.slack.messages().get(0).blocks().contains("Asked \\\"Have we met?\\\"* by <@U0ALICE>"),
        h.slack.messages().get(0).blocks());
  }

  @Test
  void tenDaysWithoutAnAnswerBringANudgeInTheThreadAndWaitingAsksAgain() throws Exception {
    long id = h.ingestInvitation("Jane Doe", "Alex Morgan", "", "7700");
    h.drain();
    String cardTs = h.slack.messages().get(0).ts();
    h.submitAsk(id, "U0BOB", "Hi Jane, have we met?");
    h.drain();
    assertEquals(1, thread(cardTs).size());

    h.clock.advance(Duration.ofDays(10));
    assertEquals(1, h.followUps.runDue().followedUp());
    h.drain();

    List<FakeSlackApi.Posted> thread = thread(cardTs);
    assertEquals(2, thread.size());
    String nudge = thread.get(1).blocks();
    assertTrue(nudge.contains("Jane hasn't answered in 10 days."), nudge);
    assertTrue(nudge.contains(ActionIds.DECLINE) && nudge.contains(ActionIds.WAIT) && nudge.contains("Accept anyway"));

    assertEquals(200, h.click(ActionIds.WAIT, id, "U0BOB", CHANNEL).statusCode());
    assertEquals(State.ASKED, h.store.find(id).orElseThrow().state());
    h.drain();
    assertTrue(thread(cardTs).get(2).blocks().contains("<@U0BOB> chose to wait 10 more days for Jane's answer"));
    String nudgeNow = thread(cardTs).get(1).blocks();
    assertTrue(nudgeNow.contains("hasn't answered") && !nudgeNow.contains(ActionIds.WAIT), "no stale buttons: " + nudgeNow);
    assertEquals(0, h.followUps.runDue().followedUp(), "the follow-up clock started again");
  }

  @Test
  void theSendersAnswerArrivesInTheThreadWithItsClassAndButtons() throws Exception {
    long id = h.ingestInvitation("Jane Doe", "Alex Morgan", "", "7800");
    h.drain();
    String cardTs = h.slack.messages().get(0).ts();
    h.submitAsk(id, "U0BOB", "Hi Jane, have we met?");
    h.drain();

    h.ingestMessage("Jane Doe", "Alex Morgan", "Yes, we met at the Denver meetup last week!");
    assertEquals(State.ANSWERED, h.store.find(id).orElseThrow().state());
    h.drain();

    List<FakeSlackApi.Posted> thread = thread(cardTs);
    assertEquals(2, thread.size());
    String answer = thread.get(1).blocks();
    assertTrue(answer.contains("Jane Doe answered:"), answer);
    assertTrue(answer.contains("Denver meetup"), answer);
    assertTrue(answer.contains("reply: *met*"), answer);
    assertTrue(answer.contains(ActionIds.ACCEPT), answer);

    assertEquals(200, h.click(ActionIds.ACCEPT, id, "U0ALICE", CHANNEL).statusCode());
    assertEquals(State.ACCEPTED, h.store.find(id).orElseThrow().state());
    h.drain();
    String answerNow = thread(cardTs).get(1).blocks();
    assertTrue(answerNow.contains("Denver meetup") && !answerNow.contains(ActionIds.ACCEPT), "no stale buttons: " + answerNow);
    assertTrue(h.slack.messages().get(0).blocks().contains("*Accepted* by <@U0ALICE>"));
  }

  @Test
  void askingWhatIsAlreadyDecidedIsRefusedInTheModal() throws Exception {
    long id = h.ingestInvitation("Jane Doe", "Alex Morgan", "", "7900");
    h.drain();
    h.click(ActionIds.DECLINE, id, "U0ALICE", CHANNEL);
    HttpResponse<String> submitted = h.submitAsk(id, "U0BOB", "Hi Jane?");
    assertTrue(submitted.body().contains("\"response_action\":\"errors\""), submitted.body());
    assertTrue(submitted.body().contains("already declined by @U0ALICE at 2026-11-22 10:00 UTC"), submitted.body());
    assertEquals(State.DECLINED, h.store.find(id).orElseThrow().state());
  }
}

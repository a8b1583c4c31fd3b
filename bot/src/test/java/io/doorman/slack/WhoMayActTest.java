package io.doorman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.lifecycle.State;
import io.doorman.slack.cards.ActionIds;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team channel where only the recipient decides, on a card grouping one sender's invitations. */
class WhoMayActTest {

  private static final String SALES = "C0SALES";

  @TempDir Path dir;
  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new SlackHarness(dir, Set.of(SALES),
        Map.of("slack.teams", SALES + "=Sam Seller,Sue Seller", "slack.decide", "recipient"));
    h.slack.members(SALES, "U0SAM", "U0SUE");
    h.slack.user("U0SAM", "Sam Seller", "sam.seller@example.com");
    h.slack.user("U0SUE", "Sue Seller", "sue.seller@example.com");
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void onlyTheRecipientDecidesTheirOwnInvitationOnTheSharedCard() throws Exception {
    long forSam = h.ingestInvitation("Rec Ruiter", "Sam Seller", "", "8001");
    long forSue = h.ingestInvitation("Rec Ruiter", "Sue Seller", "", "8002");
    h.drain();
    assertEquals(1, h.calls("chat.postMessage").size());

    assertEquals(200, h.click(ActionIds.ACCEPT, forSam, "U0SUE", SALES).statusCode());
    assertEquals(State.PENDING, h.store.find(forSam).orElseThrow().state());
    h.drain(); // notices go out through the outbox
    assertTrue(h.slack.await("chat.postEphemeral", 1).get(0).param("text").contains("Only the person"));

    assertEquals(200, h.click(ActionIds.DECLINE, forSam, "U0SAM", SALES).statusCode());
    assertEquals(State.DECLINED, h.store.find(forSam).orElseThrow().state());
    h.drain();

    String card = h.slack.messages().get(0).blocks();
    assertTrue(card.contains("For *Sam Seller* · :no_entry_sign: *Declined* by <@U0SAM>"), card);
    assertTrue(card.contains("\"block_id\":\"actions-" + forSue + "\""), "Sue's buttons are still there: " + card);
    assertTrue(card.contains("\"value\":\"" + forSue + "\"") && !card.contains("\"action_id\":\"doorman.accept\",\"url\":\"https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=8001"),
        card);
    assertEquals(1, h.calls("conversations.members").size(), "channel members are cached");
  }

  @Test
  void inAnyoneModeEveryMemberMayDecide() throws Exception {
    h.close();
    h = new SlackHarness(dir.resolve("anyone"), Set.of(SALES), Map.of("slack.teams", SALES + "=Sam Seller"));
    h.slack.members(SALES, "U0SAM", "U0SUE");
    long forSam = h.ingestInvitation("Rec Ruiter", "Sam Seller", "", "8101");
    h.drain();
    assertEquals(200, h.click(ActionIds.ACCEPT, forSam, "U0SUE", SALES).statusCode());
    assertEquals(State.ACCEPTED, h.store.find(forSam).orElseThrow().state());
  }
}

package io.doorman.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake answers the real Slack client as Slack would, limits and errors included. */
class FakeSlackApiTest {

  private FakeSlackApi fake;
  private Slack slack;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeSlackApi(Set.of("C1"));
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.url());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
    slack.close();
  }

  private MethodsClient client(String token) {
    return slack.methods(token);
  }

  @Test
  void answersAuthTestOnlyForTheBotToken() throws Exception {
    assertTrue(client(FakeSlackApi.TOKEN).authTest(r -> r).isOk());
    var wrong = client("xoxb-wrong").authTest(r -> r);
    assertFalse(wrong.isOk());
    assertEquals("invalid_auth", wrong.getError());
    assertEquals(2, fake.calls("auth.test").size());
  }

  @Test
  void postsAndUpdatesMessagesAndRecordsTheCalls() throws Exception {
    ChatPostMessageResponse posted = client(FakeSlackApi.TOKEN).chatPostMessage(r -> r.channel("C1").text("hi")
        .blocks(List.of(section(s -> s.text(markdownText("*hello*"))))));
    assertTrue(posted.isOk(), posted.getError());
    var updated = client(FakeSlackApi.TOKEN).chatUpdate(r -> r.channel("C1").ts(posted.getTs()).text("bye")
        .blocks(List.of(section(s -> s.text(markdownText("*bye*"))))));
    assertTrue(updated.isOk(), updated.getError());
    var missing = client(FakeSlackApi.TOKEN).chatUpdate(r -> r.channel("C1").ts("1.000001").text("x"));
    assertEquals("message_not_found", missing.getError());

    assertEquals(1, fake.messages().size());
    assertTrue(fake.messages().get(0).blocks().contains("*bye*"));
    assertTrue(fake.calls("chat.postMessage").get(0).allText().contains("*hello*"));
  }

  @Test
  void refusesUnknownChannels() throws Exception {
    var r = client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C404").text("hi"));
    assertEquals("channel_not_found", r.getError());
  }

  @Test
  void enforcesBlockKitLimits() throws Exception {
    List<LayoutBlock> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(Blocks.divider());
    }
    assertTrue(client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C1").text("x").blocks(fifty)).isOk());
    List<LayoutBlock> fiftyOne = new ArrayList<>(fifty);
    fiftyOne.add(Blocks.divider());
    assertEquals("invalid_blocks",
        client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C1").text("x").blocks(fiftyOne)).getError());

    String long3001 = "a".repeat(3001);
    assertEquals("invalid_blocks", client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C1").text("x")
        .blocks(List.of(section(s -> s.text(markdownText(long3001)))))).getError());
    assertEquals("invalid_blocks", client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C1").text("x")
        .blocks(List.of(Blocks.actions(List.of(button(b -> b.text(plainText("b".repeat(76))).actionId("a"))))))).getError());
    assertEquals("invalid_blocks", client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C1").text("x")
        .blocks(List.of(Blocks.actions(List.of(button(b -> b.text(plainText("ok")).actionId("a")
            .value("v".repeat(2001)))))))).getError());
  }

  @Test
  void answers429WithRetryAfterWhenTold() throws Exception {
    fake.rateLimit("chat.postMessage", 1, 3);
    SlackApiException e = assertThrows(SlackApiException.class,
        () -> client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C1").text("hi")));
    assertEquals(429, e.getResponse().code());
    assertEquals("3", e.getResponse().header("Retry-After"));
    assertTrue(client(FakeSlackApi.TOKEN).chatPostMessage(m -> m.channel("C1").text("hi")).isOk());
  }

  @Test
  void listsChannelMembers() throws Exception {
    fake.members("C1", "U1", "U2");
    assertEquals(List.of("U1", "U2"),
        client(FakeSlackApi.TOKEN).conversationsMembers(r -> r.channel("C1")).getMembers());
  }
}

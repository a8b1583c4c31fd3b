package io.doorman.slack.cards;

import static io.doorman.slack.TestInvitations.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import io.doorman.lifecycle.State;
import io.doorman.slack.BlockKitLimits;
import io.doorman.store.StoredInvitation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardsTest {

  private static String json(Card card) {
    // As Slack reads it: the SDK's JSON escapes < > & as \\u003c…, which Slack decodes.
    JsonElement parsed = JsonParser.parseString(GsonFactory.createSnakeCase().toJson(card.blocks()));
    return new GsonBuilder().disableHtmlEscaping().create().toJson(parsed);
  }

  private static JsonArray blocks(Card card) {
    return JsonParser.parseString(json(card)).getAsJsonArray();
  }

  private static List<String> urls(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.addAll(urls(x)));
    } else if (e.isJsonObject()) {
      for (var m : e.getAsJsonObject().entrySet()) {
        if (m.getKey().equals("url")) {
          out.add(m.getValue().getAsString());
        } else {
          out.addAll(urls(m.getValue()));
        }
      }
    }
    return out;
  }

  private static long count(Card card, String type) {
    int n = 0;
    for (JsonElement b : blocks(card)) {
      n += b.getAsJsonObject().get("type").getAsString().equals(type) ? 1 : 0;
    }
    return n;
  }

  @Test
  void escapesANoteThatTriesToMentionTheChannelOrDisguiseALink() {
    String note = "Hi <!channel> & all, see <https://evil.example|linkedin.com>";
    Card card = Cards.invitation(List.of(stored(1, "Eve <!here> Evil", Optional.of(note), "linkedin")), false);
    String json = json(card);

    assertTrue(json.contains("&lt;!channel&gt; &amp; all"), json);
    assertTrue(json.contains("&lt;https://evil.example|linkedin.com&gt;"), json);
    assertTrue(json.contains("Eve &lt;!here&gt; Evil"), json);
    assertFalse(json.contains("<!channel>"), json);
    assertFalse(json.contains("<!here>"), json);
    assertFalse(card.text().contains("<!here>"), card.text());
    assertTrue(urls(blocks(card)).stream().noneMatch(u -> u.contains("evil")));
  }

  @Test
  void aTenThousandCharacterNoteIsCutWithAnEllipsisAndFitsSlacksLimits() {
    String note = ("word & <more> words\n").repeat(500);
    assertEquals(10_000, note.length());
    Card card = Cards.invitation(List.of(stored(1, "Long Writer", Optional.of(note), "linkedin")), false);

    assertEquals(Optional.empty(), BlockKitLimits.check(json(card), 50));
    String noteText = blocks(card).get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
    assertTrue(noteText.endsWith("…"), noteText.substring(noteText.length() - 20));
    assertTrue(noteText.length() <= 3000);
    assertTrue(noteText.startsWith("> word &amp; &lt;more&gt; words\n> word"));
  }

  @Test
  void oneVeryLongLineAlsoFits() {
    Card card = Cards.invitation(List.of(stored(1, "X".repeat(400), Optional.of("&".repeat(10_000)), "linkedin")), false);
    assertEquals(Optional.empty(), BlockKitLimits.check(json(card), 50));
    assertFalse(json(card).contains("&am…"));
  }

  @Test
  void showsNoNoteWhenThereIsNone() {
    assertTrue(json(Cards.invitation(List.of(stored(1, "Jane Doe", Optional.empty(), "linkedin")), false))
        .contains("_No note_"));
  }

  @Test
  void aSpoofedEmailGetsAWarningAndNoLinksAtAll() {
    Card card = Cards.invitation(List.of(stored(1, "Kim Lo", Optional.of("verify now"), "spoofed")), false);
    assertTrue(json(card).contains("only claims to be from LinkedIn"));
    assertEquals(List.of(), urls(blocks(card)));
  }

  @Test
  void anUnverifiedEmailGetsAWarningButKeepsItsLinkedInLinks() {
    Card card = Cards.invitation(List.of(stored(1, "Kim Lo", Optional.empty(), "unverified")), false);
    assertTrue(json(card).contains("Not verified as LinkedIn"));
    assertTrue(urls(blocks(card)).contains("https://www.linkedin.com/in/kim-lo"));
  }

  @Test
  void onlyLinkedInLinksAreShown() {
    StoredInvitation i = stored(1, "Jane Doe", Optional.empty(), "linkedin");
    StoredInvitation foreign = new StoredInvitation(i.id(), i.key(), i.recipient(), i.senderName(),
        i.senderHeadline(), i.senderLocation(), Optional.of("https://linkedin.com.evil.example/in/jane"),
        Optional.of("http://www.linkedin.com/accept"), i.note(), i.mutualConnections(), i.authenticity(),
        i.language(), i.category(), i.suggestedAction(), i.reasons(), i.state(), i.stateBy(), i.stateAt(),
        i.sightings(), i.firstSeen(), i.lastSeen(), i.source());
    List<String> urls = urls(blocks(Cards.invitation(List.of(foreign), false)));
    assertEquals(List.of(), urls);
  }

  @Test
  void aPendingCardHasAcceptWithTheLinkAskDeclineWithConfirmAndViewProfile() {
    Card card = Cards.invitation(List.of(stored(7, "Jane Doe", Optional.empty(), "linkedin")), false);
    JsonObject actions = blocks(card).asList().stream().map(JsonElement::getAsJsonObject)
        .filter(b -> b.get("type").getAsString().equals("actions")).findFirst().orElseThrow();
    JsonArray buttons = actions.getAsJsonArray("elements");
    List<String> ids = buttons.asList().stream().map(b -> b.getAsJsonObject().get("action_id").getAsString()).toList();
    assertEquals(List.of(ActionIds.ACCEPT, ActionIds.ASK, ActionIds.DECLINE, ActionIds.PROFILE), ids);
    JsonObject accept = buttons.get(0).getAsJsonObject();
    assertEquals("7", accept.get("value").getAsString());
    assertTrue(accept.get("url").getAsString().contains("invite-accept?invitationId=7"));
    JsonObject confirm = buttons.get(2).getAsJsonObject().getAsJsonObject("confirm");
    assertTrue(confirm.toString().contains("*Ignore*"), confirm.toString());
    assertTrue(confirm.toString().contains(Cards.INVITATION_MANAGER));
  }

  @Test
  void aDecidedCardHasNoButtonsLeftAndSaysWhoDecidedAndWhen() {
    Card card = Cards.invitation(
        List.of(stored(1, "Jane Doe", "Alex", Optional.empty(), "linkedin", State.ACCEPTED, "@U123")), false);
    String json = json(card);
    assertTrue(json.contains("*Accepted* by <@U123> <!date^"), json);
    assertTrue(json.contains("|2026-11-22 10:32 UTC>"), json);
    assertTrue(blocks(card).asList().stream().flatMap(b -> urls(b).stream()).noneMatch(u -> u.contains("accept")));
    assertTrue(!json.contains(ActionIds.ACCEPT) && !json.contains(ActionIds.DECLINE) && !json.contains(ActionIds.ASK));
  }

  @Test
  void aConsoleDecisionNamesThePersonEscaped() {
    Card card = Cards.invitation(
        List.of(stored(1, "Jane Doe", "Alex", Optional.empty(), "linkedin", State.DECLINED, "<b>ob")), false);
    assertTrue(json(card).contains("*Declined* by &lt;b&gt;ob"));
  }

  @Test
  void oneSendersInvitationsToSeveralTeammatesShareACardWithADecisionEach() {
    List<StoredInvitation> group = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      group.add(stored(i, "Rec Ruiter", "Teammate " + i, Optional.empty(), "linkedin",
          i == 1 ? State.DECLINED : State.PENDING, "@U1"));
    }
    Card card = Cards.invitation(group, true);
    assertEquals(Optional.empty(), BlockKitLimits.check(json(card), 50));
    assertTrue(json(card).contains("with 25 of you"));
    assertTrue(json(card).contains("For *Teammate 2*"));
    assertEquals(Cards.MAX_RECIPIENTS, count(card, "actions"));
    assertEquals(Cards.MAX_RECIPIENTS - 1, json(card).split(ActionIds.ACCEPT, -1).length - 1);
    assertTrue(json(card).contains("and 5 more"));
  }

  @Test
  void inATeamChannelTheHeaderNamesTheRecipient() {
    Card card = Cards.invitation(List.of(stored(1, "Jane Doe", Optional.empty(), "linkedin")), true);
    assertTrue(json(card).contains("*Jane Doe* wants to connect with *Alex Morgan*"));
  }

  @Test
  void theNudgeSaysHowLongAndOffersDeclineWaitAndAcceptAnyway() {
    Card card = Cards.nudge(stored(3, "Jane Doe", "Alex", Optional.empty(), "linkedin", State.FOLLOW_UP, "policy"),
        Duration.ofDays(10), Duration.ofDays(10));
    String json = json(card);
    assertTrue(json.contains("Jane hasn't answered in 10 days"));
    assertTrue(json.contains(ActionIds.DECLINE) && json.contains(ActionIds.WAIT) && json.contains("Accept anyway"));
  }

  @Test
  void theQuestionPostQuotesTheTextToSendAndLinksTheProfile() {
    Card card = Cards.question(stored(3, "Jane Doe", "Alex", Optional.empty(), "linkedin", State.ASKED, "policy"),
        "@U9ABC", "Hi Jane, have we met? <!channel>");
    String json = json(card);
    assertTrue(json.contains("<@U9ABC> asked"), json);
    assertTrue(json.contains("> Hi Jane, have we met? &lt;!channel&gt;"), json);
    assertTrue(json.contains("<https://www.linkedin.com/in/jane-doe|Open Jane Doe's profile>"), json);
  }
}

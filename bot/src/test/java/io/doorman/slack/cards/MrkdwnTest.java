package io.doorman.slack.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

  @Test
  void aNoteCannotMentionTheChannelOrDisguiseALink() {
    assertEquals(
        "Hi &lt;!channel&gt; see &lt;https://evil.example|linkedin.com&gt; &amp; more",
        Mrkdwn.escape("Hi <!channel> see <https://evil.example|linkedin.com> & more"));
  }

  @Test
  void longTextIsCutWithAnEllipsisWithinTheLimit() {
    String cut = Mrkdwn.escapeWithin("x".repeat(10_000), 3_000);

    assertEquals(3_000, cut.length());
    assertTrue(cut.endsWith("…"));
  }

  @Test
  void aCutNeverSplitsAnEscape() {
    String cut = Mrkdwn.escapeWithin("abcd<efgh", 7);

    assertEquals("abcd…", cut);
  }
}

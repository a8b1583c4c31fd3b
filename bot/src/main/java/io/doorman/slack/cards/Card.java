package io.doorman.slack.cards;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One Slack message ready to post: the notification text (what a phone shows, escaped) and its
 * Block Kit blocks, every one within Slack's limits.
 */
public record Card(String text, List<LayoutBlock> blocks) {

  public Card {
    blocks = List.copyOf(blocks);
  }
}

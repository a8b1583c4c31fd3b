package io.doorman.slack.cards;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import io.doorman.store.StoredInvitation;
import java.util.List;

/** The Ask "Have we met?" modal: the policy's question, editable, in the sender's language. */
public final class Modals {

  /** Slack's limit for a plain-text input's value. */
  static final int QUESTION_MAX = 3000;

  private Modals() {}

  public static View ask(StoredInvitation i, String question) {
    String name = Mrkdwn.escapeWithin(i.senderName(), 200);
    PlainTextInputElement text = PlainTextInputElement.builder()
        .actionId(ActionIds.QUESTION_INPUT)
        .multiline(true)
        .maxLength(QUESTION_MAX)
        .initialValue(question.length() > QUESTION_MAX ? question.substring(0, QUESTION_MAX) : question)
        .build();
    return view(v -> v.type("modal")
        .callbackId(ActionIds.ASK_MODAL)
        .privateMetadata(Long.toString(i.id()))
        .title(viewTitle(t -> t.type("plain_text").text("Have we met?")))
        .submit(viewSubmit(t -> t.type("plain_text").text("Record as asked")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(List.of(
            section(s -> s.text(markdownText("Ask *" + name + "* how you know each other. Edit the text, then"
                + " record it: Doorman posts it in the card's thread for you to send on LinkedIn (it never"
                + " messages anyone itself)."))),
            input(b -> b.blockId(ActionIds.QUESTION_BLOCK).label(plainText("Question")).element(text)),
            context(c -> c.elements(List.of(markdownText("Language: " + Mrkdwn.escapeWithin(i.language(), 5))))))));
  }
}

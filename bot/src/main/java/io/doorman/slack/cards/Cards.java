package io.doorman.slack.cards;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.doorman.ingest.authenticity.LinkedInHosts;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.State;
import io.doorman.store.StoredInvitation;
import io.doorman.store.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Block Kit for invitations: the card, and the thread posts below it (the question to send, the
 * sender's answer, the follow-up nudge). Every piece of text from an email is escaped and cut to
 * Slack's limits here, so nothing a sender writes can mention {@code @channel}, disguise a link or
 * make Slack refuse the message.
 */
public final class Cards {

  /** LinkedIn's page of received invitations, where "Ignore" is. */
  public static final String INVITATION_MANAGER = "https://www.linkedin.com/mynetwork/invitation-manager/";

  static final int SECTION = 3000;
  static final int BUTTON_LABEL = 75;
  static final int TEXT = 3000;
  /** Room for the group's per-recipient blocks (status + actions) within Slack's 50 blocks. */
  static final int MAX_RECIPIENTS = 20;

  private static final Pattern SLACK_USER = Pattern.compile("@([UW][A-Z0-9]{2,20})");
  private static final DateTimeFormatter FALLBACK_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Cards() {}

  /**
   * The card for one sender's invitation(s): one per recipient when several teammates got one.
   * {@code showRecipient} names whom each invitation is for (team channels).
   */
  public static Card invitation(List<StoredInvitation> group, boolean showRecipient) {
    if (group.isEmpty()) {
      throw new IllegalArgumentException("a card needs at least one invitation");
    }
    StoredInvitation first = group.get(0);
    boolean spoofed = "spoofed".equals(first.authenticity());
    List<LayoutBlock> blocks = new ArrayList<>();

    String name = Mrkdwn.escapeWithin(first.senderName(), 200);
    StringBuilder head = new StringBuilder("*").append(name).append("* wants to connect");
    if (showRecipient && group.size() == 1 && first.recipient().isPresent()) {
      head.append(" with *").append(Mrkdwn.escapeWithin(first.recipient().get(), 200)).append('*');
    } else if (group.size() > 1) {
      head.append(" with ").append(group.size()).append(" of you");
    }
    StringBuilder about = new StringBuilder(head).append('\n');
    first.senderHeadline().ifPresent(h -> about.append(Mrkdwn.escapeWithin(h, 1000)).append('\n'));
    first.senderLocation().ifPresent(l -> about.append(":round_pushpin: ").append(Mrkdwn.escapeWithin(l, 300)).append('\n'));
    first.mutualConnections().ifPresent(n -> about.append(n).append(n == 1 ? " mutual connection" : " mutual connections"));
    blocks.add(section(s -> s.blockId("about").text(markdownText(cut(about.toString().strip(), SECTION)))));

    if (!"linkedin".equals(first.authenticity())) {
      String warning = spoofed
          ? ":rotating_light: *This email only claims to be from LinkedIn* (spoofed): its links were removed."
              + " Don't act on it in LinkedIn unless you find the invitation there yourself."
          : ":warning: *Not verified as LinkedIn's* (" + Mrkdwn.escapeWithin(first.authenticity(), 20)
              + "): the forward lost the original's headers. Check the invitation in LinkedIn before acting.";
      blocks.add(section(s -> s.blockId("warning").text(markdownText(warning))));
    }

    Optional<String> note = first.note().filter(n -> !n.isBlank());
    String noteText = note.map(n -> quote(n, SECTION)).orElse("_No note_");
    blocks.add(section(s -> s.blockId("note").text(markdownText(noteText))));

    String verdict = "*" + Mrkdwn.escapeWithin(first.category(), 40) + "* · suggested: *"
        + Mrkdwn.escapeWithin(first.suggestedAction(), 20) + "*"
        + (first.sightings() > 1 ? " · seen " + first.sightings() + " times (LinkedIn reminded)" : "");
    StringBuilder reasons = new StringBuilder(verdict);
    for (String r : first.reasons()) {
      reasons.append("\n• ").append(Mrkdwn.escapeWithin(r, 500));
    }
    blocks.add(section(s -> s.blockId("verdict").text(markdownText(cut(reasons.toString(), SECTION)))));

    List<StoredInvitation> shown = group.size() > MAX_RECIPIENTS ? group.subList(0, MAX_RECIPIENTS) : group;
    blocks.add(divider());
    for (StoredInvitation i : shown) {
      List<String> lines = new ArrayList<>();
      if (group.size() > 1 || showRecipient) {
        lines.add("For *" + Mrkdwn.escapeWithin(i.recipient().orElse("you"), 200) + "*");
      }
      statusLine(i).ifPresent(lines::add);
      if (!lines.isEmpty()) {
        String line = String.join(" · ", lines);
        blocks.add(context(c -> c.blockId("status-" + i.id()).elements(List.of(markdownText(line)))));
      }
      List<BlockElement> buttons = decisionButtons(i, spoofed);
      if (!buttons.isEmpty()) {
        blocks.add(actions(a -> a.blockId("actions-" + i.id()).elements(buttons)));
      }
    }
    if (shown.size() < group.size()) {
      int more = group.size() - shown.size();
      blocks.add(context(c -> c.elements(List.of(markdownText("…and " + more + " more (see `doorman list`)")))));
    }
    String text = Mrkdwn.escapeWithin(first.senderName(), 200) + " wants to connect (" + first.category()
        + ", suggested: " + first.suggestedAction() + ")";
    return new Card(text, blocks);
  }

  /** What the card says once a person moved the invitation: who, what, when. */
  static Optional<String> statusLine(StoredInvitation i) {
    String by = actor(i.stateBy()) + " " + when(i.stateAt());
    return switch (i.state()) {
      case NEW, PENDING -> Optional.empty();
      case ACCEPTED -> Optional.of(":white_check_mark: *Accepted* by " + by);
      case DECLINED -> Optional.of(":no_entry_sign: *Declined* by " + by + ". In LinkedIn, declining is *Ignore*"
          + " (the sender is not told): <" + INVITATION_MANAGER + "|LinkedIn's invitation manager>");
      case ASKED -> Optional.of(":speech_balloon: *Asked \"Have we met?\"* by " + by + ", waiting for an answer");
      case ANSWERED -> Optional.of(":incoming_envelope: *Answered* (see the thread)");
      case FOLLOW_UP -> Optional.of(":hourglass: *No answer yet*: follow-up due (see the thread)");
    };
  }

  private static List<BlockElement> decisionButtons(StoredInvitation i, boolean spoofed) {
    List<BlockElement> buttons = new ArrayList<>();
    if (Decision.ACCEPT.allowedFrom(i.state())) {
      buttons.add(acceptButton(i, spoofed, "Accept"));
    }
    if (Decision.ASK.allowedFrom(i.state())) {
      buttons.add(button(ActionIds.ASK, "Ask \"Have we met?\"", i.id(), Optional.empty(), Optional.empty()));
    }
    if (Decision.DECLINE.allowedFrom(i.state())) {
      buttons.add(declineButton(i, "Decline"));
    }
    if (!buttons.isEmpty() || i.state().isFinal()) {
      linkedInUrl(i.profileUrl(), spoofed).ifPresent(url -> buttons.add(
          button(ActionIds.PROFILE, "View profile", i.id(), Optional.empty(), Optional.of(url))));
    }
    return buttons;
  }

  private static ButtonElement acceptButton(StoredInvitation i, boolean spoofed, String label) {
    return button(ActionIds.ACCEPT, label, i.id(), Optional.of("primary"), linkedInUrl(i.acceptUrl(), spoofed));
  }

  private static ButtonElement declineButton(StoredInvitation i, String label) {
    ConfirmationDialogObject confirm = ConfirmationDialogObject.builder()
        .title(plainText("Decline this invitation?"))
        .text(markdownText("Doorman records the decline. In LinkedIn, declining is *Ignore*: "
            + Mrkdwn.escapeWithin(i.senderName(), 60) + " is not told. Ignore it in <" + INVITATION_MANAGER
            + "|LinkedIn's invitation manager>."))
        .confirm(plainText("Decline"))
        .deny(plainText("Cancel"))
        .style("danger")
        .build();
    return ButtonElement.builder()
        .actionId(ActionIds.DECLINE)
        .text(plainText(label))
        .value(Long.toString(i.id()))
        .style("danger")
        .confirm(confirm)
        .build();
  }

  private static ButtonElement button(
      String actionId, String label, long id, Optional<String> style, Optional<String> url) {
    ButtonElement.ButtonElementBuilder b = ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(cut(label, BUTTON_LABEL)))
        .value(Long.toString(id));
    style.ifPresent(b::style);
    url.ifPresent(b::url);
    return b.build();
  }

  /** A link only when it is LinkedIn's and the email was not spoofed. */
  static Optional<String> linkedInUrl(Optional<String> url, boolean spoofed) {
    return url.filter(u -> !spoofed && u.startsWith("https://") && u.length() <= 3000
        && LinkedInHosts.isLinkedInUrl(u) && u.chars().noneMatch(c -> c == '<' || c == '>' || c == '|' || c <= ' '));
  }

  // ------------------------------------------------------------------ thread posts

  /** Posted in the thread when someone asked: the text to send on LinkedIn and the profile link. */
  public static Card question(StoredInvitation i, String askedBy, String question) {
    boolean spoofed = "spoofed".equals(i.authenticity());
    String name = Mrkdwn.escapeWithin(i.senderName(), 200);
    StringBuilder text = new StringBuilder(":speech_balloon: ").append(actor(askedBy))
        .append(" asked. Send this to ").append(name).append(" on LinkedIn:\n");
    text.append(quote(question, 2400));
    linkedInUrl(i.profileUrl(), spoofed).ifPresent(url ->
        text.append("\n<").append(url).append("|Open ").append(name).append("'s profile> and choose *Message*."));
    return new Card("Have we met? Send this to " + name, List.of(
        section(s -> s.blockId("question").text(markdownText(cut(text.toString(), SECTION))))));
  }

  /** The sender's answer, its reply class and suggested action, and the decision buttons. */
  public static Card answer(StoredInvitation i, StoredMessage m) {
    boolean spoofed = "spoofed".equals(i.authenticity());
    String name = Mrkdwn.escapeWithin(i.senderName(), 200);
    String text = ":incoming_envelope: *" + name + " answered:*\n" + quote(m.body(), 2600);
    String verdict = "reply: *" + Mrkdwn.escapeWithin(m.replyClass(), 40) + "* · suggested: *"
        + Mrkdwn.escapeWithin(m.suggestedAction(), 20) + "*";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.blockId("answer").text(markdownText(cut(text, SECTION)))));
    blocks.add(context(c -> c.elements(List.of(markdownText(verdict)))));
    List<BlockElement> buttons = new ArrayList<>();
    if (Decision.ACCEPT.allowedFrom(i.state())) {
      buttons.add(acceptButton(i, spoofed, "Accept"));
      buttons.add(declineButton(i, "Decline"));
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("answer-actions-" + m.id()).elements(buttons)));
    }
    return new Card(name + " answered", blocks);
  }

  /** "Jane hasn't answered in 10 days", with Decline / Wait / Accept anyway. */
  public static Card nudge(StoredInvitation i, Duration waited, Duration waitMore) {
    boolean spoofed = "spoofed".equals(i.authenticity());
    String first = Mrkdwn.escapeWithin(firstName(i.senderName()), 100);
    String text = ":hourglass: *" + first + " hasn't answered in " + days(waited) + ".*";
    List<BlockElement> buttons = new ArrayList<>();
    if (Decision.WAIT.allowedFrom(i.state())) {
      buttons.add(declineButton(i, "Decline"));
      buttons.add(button(ActionIds.WAIT, "Wait " + moreDays(waitMore), i.id(), Optional.empty(), Optional.empty()));
      buttons.add(acceptButton(i, spoofed, "Accept anyway"));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.blockId("nudge").text(markdownText(text))));
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.blockId("nudge-actions-" + i.id()).elements(buttons)));
    }
    return new Card(first + " hasn't answered in " + days(waited), blocks);
  }

  /** Someone chose to give the sender more time after the nudge. */
  public static Card waiting(StoredInvitation i, String by, Duration more) {
    String first = Mrkdwn.escapeWithin(firstName(i.senderName()), 100);
    String text = ":hourglass_flowing_sand: " + actor(by) + " chose to wait " + moreDays(more) + " for " + first
        + "'s answer.";
    return new Card("Waiting " + moreDays(more) + " for " + first, List.of(
        section(s -> s.blockId("waiting").text(markdownText(text)))));
  }

  /** The ephemeral answer to a click on an invitation someone already moved. */
  public static String alreadyDecided(State current, String by, Instant at) {
    return "Too late: this invitation was already " + current.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " by " + actor(by) + " " + when(at) + ".";
  }

  /** The same as plain text, for where Slack shows no mrkdwn (a modal's field error). */
  public static String alreadyDecidedPlain(State current, String by, Instant at) {
    return "Too late: this invitation was already " + current.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + " by " + (by.length() > 100 ? by.substring(0, 100) : by) + " at " + FALLBACK_TIME.format(at) + ".";
  }

  // ------------------------------------------------------------------ text

  /** A Slack user id stored as {@code @U123} becomes a mention; anyone else is escaped text. */
  public static String actor(String stateBy) {
    var m = SLACK_USER.matcher(stateBy);
    return m.matches() ? "<@" + m.group(1) + ">" : Mrkdwn.escapeWithin(stateBy, 100);
  }

  /** A moment in the reader's own time zone, with a UTC fallback for clients that can't. */
  public static String when(Instant at) {
    return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} at {time}|" + FALLBACK_TIME.format(at) + ">";
  }

  /** User text as a mrkdwn quote, escaped, at most {@code max} characters, cut with an ellipsis. */
  static String quote(String userText, int max) {
    StringBuilder out = new StringBuilder();
    for (String line : userText.strip().split("\r?\n", -1)) {
      String piece = "> " + Mrkdwn.escape(line) + "\n";
      if (out.length() + piece.length() <= max) {
        out.append(piece);
        continue;
      }
      int room = max - out.length() - 2;
      if (room >= 3) {
        String cutLine = Mrkdwn.escapeWithin(line, room - 1);
        out.append("> ").append(cutLine);
        if (!cutLine.endsWith("…")) {
          out.append('…');
        }
      } else {
        out.setLength(Math.max(0, out.length() - 1));
        out.append('…');
      }
      return out.toString();
    }
    return out.toString().stripTrailing();
  }

  /** Text we composed (already escaped) cut to a limit, never inside an escape or a link. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int at = max - 1;
    int open = text.lastIndexOf('<', at);
    if (open >= 0 && text.indexOf('>', open) >= at) {
      at = open;
    }
    int amp = text.lastIndexOf('&', at);
    if (amp >= 0 && text.indexOf(';', amp) >= at) {
      at = amp;
    }
    return text.substring(0, at) + "…";
  }

  static String firstName(String name) {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }

  /** "10 days", "1 day". */
  static String days(Duration d) {
    return d.toDays() + " " + dayWord(d);
  }

  /** "10 more days", "1 more day". */
  static String moreDays(Duration d) {
    return d.toDays() + " more " + dayWord(d);
  }

  private static String dayWord(Duration d) {
    return d.toDays() == 1 ? "day" : "days";
  }
}

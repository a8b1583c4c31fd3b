package io.doorman.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import io.doorman.decisions.FollowUps;
import io.doorman.lifecycle.State;
import io.doorman.slack.cards.Cards;
import io.doorman.slack.cards.Mrkdwn;
import io.doorman.store.Filter;
import io.doorman.store.Invitations;
import io.doorman.store.Page;
import io.doorman.store.StoredInvitation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The App Home tab (counts and the oldest waiting invitations) and {@code /doorman}. */
final class Home {

  private static final Logger log = LoggerFactory.getLogger(Home.class);
  static final String COMMAND = "/doorman";
  private static final int OLDEST = 5;
  private static final int WHO_MAX = 10;

  private final Invitations store;
  private final FollowUps followUps;
  private final MethodsClient slack;
  private final Executor afterAck;
  private final Clock clock;

  Home(Invitations store, FollowUps followUps, MethodsClient slack, Executor afterAck, Clock clock) {
    this.store = store;
    this.followUps = followUps;
    this.slack = slack;
    this.afterAck = afterAck;
    this.clock = clock;
  }

  void register(App app) {
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent event = payload.getEvent();
      if (event.getTab() == null || "home".equals(event.getTab())) {
        String user = event.getUser();
        afterAck.execute(() -> publish(user));
      }
      return ctx.ack();
    });
    app.command(COMMAND, (req, ctx) -> ctx.ack(answer(Optional.ofNullable(req.getPayload().getText()).orElse(""))));
  }

  private void publish(String user) {
    try {
      var r = slack.viewsPublish(v -> v.userId(user).view(view()));
      if (!r.isOk()) {
        log.warn("slack: cannot publish the App Home for {}: {}", user, r.getError());
      }
    } catch (Exception e) {
      log.warn("slack: cannot publish the App Home for {}: {}", user, e.toString());
    }
  }

  View view() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*Doorman* screens LinkedIn invitations. Here is where things stand."))));
    blocks.add(section(s -> s.text(markdownText(counts()))));
    List<StoredInvitation> pending =
        store.page(Filter.inState(State.PENDING), Invitations.Order.OLDEST_FIRST, Optional.empty(), OLDEST).items();
    if (!pending.isEmpty()) {
      blocks.add(divider());
      StringBuilder oldest = new StringBuilder("*Waiting longest*");
      for (StoredInvitation i : pending) {
        oldest.append("\n• *").append(Mrkdwn.escapeWithin(i.senderName(), 100)).append("* (")
            .append(Mrkdwn.escapeWithin(i.category(), 30)).append(", suggested ")
            .append(Mrkdwn.escapeWithin(i.suggestedAction(), 20)).append(") since ").append(Cards.when(i.firstSeen()));
        i.recipient().ifPresent(r -> oldest.append(" for ").append(Mrkdwn.escapeWithin(r, 100)));
      }
      blocks.add(section(s -> s.text(markdownText(oldest.toString()))));
    }
    blocks.add(context(c -> c.elements(List.of(markdownText("`/doorman help` for commands")))));
    return View.builder().type("home").blocks(blocks).build();
  }

  private String counts() {
    Map<State, Integer> counts = store.countsByState();
    long due = followUps.countDue(clock.instant()) + counts.getOrDefault(State.FOLLOW_UP, 0);
    return "*" + counts.getOrDefault(State.PENDING, 0) + "* pending · *" + counts.getOrDefault(State.ASKED, 0)
        + "* asked · *" + counts.getOrDefault(State.ANSWERED, 0) + "* answered · *" + due + "* follow-ups due · *"
        + counts.getOrDefault(State.ACCEPTED, 0) + "* accepted · *" + counts.getOrDefault(State.DECLINED, 0)
        + "* declined";
  }

  /** The answer to {@code /doorman TEXT}, shown only to whoever typed it. */
  String answer(String text) {
    String t = text.strip();
    String word = t.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    switch (word) {
      case "status":
        return counts();
      case "who": {
        String name = t.length() > 3 ? t.substring(3).strip() : "";
        if (name.isEmpty()) {
          return "Usage: `/doorman who NAME`";
        }
        Page<StoredInvitation> page =
            store.page(Filter.ALL.sender(name), Invitations.Order.OLDEST_FIRST, Optional.empty(), WHO_MAX);
        List<StoredInvitation> found = page.items();
        if (found.isEmpty()) {
          return "Nobody called " + Mrkdwn.escapeWithin(name, 100) + " has invited anyone here.";
        }
        StringBuilder out = new StringBuilder();
        for (StoredInvitation i : found) {
          out.append("• *").append(Mrkdwn.escapeWithin(i.senderName(), 100)).append("*");
          i.senderHeadline().ifPresent(h -> out.append(", ").append(Mrkdwn.escapeWithin(h, 200)));
          out.append(": ").append(i.state().name().toLowerCase(Locale.ROOT).replace('_', ' '))
              .append(" by ").append(Cards.actor(i.stateBy())).append(' ').append(Cards.when(i.stateAt()));
          i.note().ifPresent(n -> out.append("\n> ").append(Mrkdwn.escapeWithin(n.replace('\n', ' '), 300)));
          out.append('\n');
        }
        if (page.next().isPresent()) {
          long more = store.count(Filter.ALL.sender(name)) - found.size();
          out.append("…and ").append(more).append(" more (`doorman who` on the command line)");
        }
        return out.toString().strip();
      }
      default:
        return "*/doorman status* counts per state and follow-ups due\n"
            + "*/doorman who NAME* what Doorman knows about someone: their invitation, note, who decided\n"
            + "*/doorman help* this list\n"
            + "Decide on the cards' buttons; everything is also in the `doorman` command line.";
    }
  }
}

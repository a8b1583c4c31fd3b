package io.doorman.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.policies.engine.Policy;
import io.doorman.slack.cards.ActionIds;
import io.doorman.slack.cards.Cards;
import io.doorman.slack.cards.Modals;
import io.doorman.slack.cards.Questions;
import io.doorman.slack.outbox.CardStore;
import io.doorman.slack.outbox.Outbox;
import io.doorman.store.InvitationStore;
import io.doorman.store.StoredInvitation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons and the Ask modal. A decision is stored before the acknowledgement (one short
 * transaction), so the click's answer is the truth; everything that talks to Slack (the card
 * update, an ephemeral notice, opening the modal) happens after it, on {@code afterAck}.
 */
final class Interactions {

  private static final Logger log = LoggerFactory.getLogger(Interactions.class);

  private final InvitationStore store;
  private final CardStore cards;
  private final Permissions permissions;
  private final Outbox outbox;
  private final Policy policy;
  private final MethodsClient slack;
  private final Executor afterAck;
  /**
   * Decisions in flight at once. A database commits one at a time anyway (H2 serializes them); a
   * burst of hundreds of concurrent clicks only makes each wait longer, and a click on a row another
   * click holds can time out. A short fair queue here keeps every commit quick.
   */
  private final Semaphore writers = new Semaphore(4, true);

  Interactions(InvitationStore store, CardStore cards, Permissions permissions, Outbox outbox, Policy policy,
      MethodsClient slack, Executor afterAck) {
    this.store = store;
    this.cards = cards;
    this.permissions = permissions;
    this.outbox = outbox;
    this.policy = policy;
    this.slack = slack;
    this.afterAck = afterAck;
  }

  void register(App app) {
    for (String actionId : List.of(ActionIds.ACCEPT, ActionIds.DECLINE, ActionIds.WAIT, ActionIds.ASK, ActionIds.PROFILE)) {
      app.blockAction(actionId, (req, ctx) -> {
        onBlockAction(req.getPayload());
        return ctx.ack();
      });
    }
    app.viewSubmission(ActionIds.ASK_MODAL, (req, ctx) -> {
      String user = req.getPayload().getUser().getId();
      OptionalLong id = parseId(req.getPayload().getView().getPrivateMetadata());
      String question = questionIn(req.getPayload().getView().getState()).strip();
      if (id.isEmpty()) {
        return ctx.ack();
      }
      if (question.isEmpty()) {
        return ctx.ackWithErrors(Map.of(ActionIds.QUESTION_BLOCK, "Write the question to send."));
      }
      Optional<StoredInvitation> invitation = store.find(id.getAsLong());
      Optional<String> refusal = invitation.isEmpty() ? Optional.of("This invitation no longer exists.")
          : permissions.refusal(user, invitation.get());
      if (refusal.isPresent()) {
        return ctx.ackWithErrors(Map.of(ActionIds.QUESTION_BLOCK, refusal.get()));
      }
      cards.saveQuestion(id.getAsLong(), question, "@" + user);
      Outcome outcome = decideQueued(id.getAsLong(), Decision.ASK, new Actor("@" + user, Channel.SLACK));
      if (outcome instanceof Outcome.Refused r) {
        cards.forgetQuestion(id.getAsLong());
        return ctx.ackWithErrors(
            Map.of(ActionIds.QUESTION_BLOCK, Cards.alreadyDecidedPlain(r.current(), r.by(), r.at())));
      }
      outbox.wake();
      return ctx.ack();
    });
  }

  /**
   * A button click, acknowledged by the caller once this returns (with an empty 200): Bolt's
   * handlers, and {@link SlackEndpoint}'s direct path for clicks.
   */
  void onBlockAction(BlockActionPayload p) {
    if (p.getActions() == null || p.getActions().isEmpty()) {
      return;
    }
    switch (p.getActions().get(0).getActionId()) {
      case ActionIds.ACCEPT -> decide(p, Decision.ACCEPT);
      case ActionIds.DECLINE -> decide(p, Decision.DECLINE);
      // "Wait N more days" asks again: FOLLOW_UP -> ASKED restarts the follow-up clock.
      case ActionIds.WAIT -> decide(p, Decision.ASK);
      case ActionIds.ASK -> openAsk(p);
      default -> { }
    }
  }

  private void decide(BlockActionPayload p, Decision decision) {
    String user = p.getUser().getId();
    OptionalLong id = actionValue(p);
    if (id.isEmpty()) {
      return;
    }
    // One write transaction per click in the common case: no read of the invitation unless the
    // recipient matters (slack.decide=recipient) or the click came from outside Doorman's channels.
    Optional<String> clickedIn = Optional.ofNullable(p.getChannel()).map(BlockActionPayload.Channel::getId);
    Optional<String> refusal = permissions.refusal(user, clickedIn, id.getAsLong(), () -> store.find(id.getAsLong()));
    if (refusal.isPresent()) {
      tell(p, refusal.get());
      return;
    }
    Outcome outcome = decideQueued(id.getAsLong(), decision, new Actor("@" + user, Channel.SLACK));
    if (outcome instanceof Outcome.Applied) {
      outbox.wake();
    } else if (outcome instanceof Outcome.Refused r) {
      tell(p, Cards.alreadyDecided(r.current(), r.by(), r.at()));
    } else {
      tell(p, "This invitation no longer exists.");
    }
  }

  private Outcome decideQueued(long id, Decision decision, Actor actor) {
    writers.acquireUninterruptibly();
    try {
      return store.decide(id, decision, actor);
    } finally {
      writers.release();
    }
  }

  private void openAsk(BlockActionPayload p) {
    OptionalLong id = actionValue(p);
    Optional<StoredInvitation> invitation = id.isPresent() ? store.find(id.getAsLong()) : Optional.empty();
    if (invitation.isEmpty()) {
      return;
    }
    StoredInvitation i = invitation.get();
    Optional<String> refusal = permissions.refusal(p.getUser().getId(), i);
    if (refusal.isPresent()) {
      tell(p, refusal.get());
      return;
    }
    if (!i.state().canMoveTo(Decision.ASK.target())) {
      tell(p, Cards.alreadyDecided(i.state(), i.stateBy(), i.stateAt()));
      return;
    }
    String trigger = p.getTriggerId();
    afterAck.execute(() -> {
      try {
        var r = slack.viewsOpen(v -> v.triggerId(trigger).view(Modals.ask(i, Questions.haveWeMet(policy, i))));
        if (!r.isOk()) {
          log.warn("slack: cannot open the Ask modal for invitation {}: {}", i.id(), r.getError());
        }
      } catch (Exception e) {
        log.warn("slack: cannot open the Ask modal for invitation {}: {}", i.id(), e.toString());
      }
    });
  }

  /** An ephemeral notice to whoever clicked, in the channel they clicked in, after the ack. */
  private void tell(BlockActionPayload p, String text) {
    if (p.getChannel() == null) {
      return;
    }
    String channel = p.getChannel().getId();
    String user = p.getUser().getId();
    afterAck.execute(() -> {
      try {
        var r = slack.chatPostEphemeral(e -> e.channel(channel).user(user).text(text));
        if (!r.isOk()) {
          log.warn("slack: cannot tell {} in {}: {}", user, channel, r.getError());
        }
      } catch (Exception e) {
        log.warn("slack: cannot tell {} in {}: {}", user, channel, e.toString());
      }
    });
  }

  private static OptionalLong actionValue(BlockActionPayload p) {
    if (p.getActions() == null || p.getActions().isEmpty()) {
      return OptionalLong.empty();
    }
    return parseId(p.getActions().get(0).getValue());
  }

  static OptionalLong parseId(String value) {
    try {
      return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static String questionIn(ViewState state) {
    if (state == null || state.getValues() == null) {
      return "";
    }
    Map<String, ViewState.Value> block = state.getValues().get(ActionIds.QUESTION_BLOCK);
    if (block == null || block.get(ActionIds.QUESTION_INPUT) == null) {
      return "";
    }
    String v = block.get(ActionIds.QUESTION_INPUT).getValue();
    return v == null ? "" : v;
  }
}

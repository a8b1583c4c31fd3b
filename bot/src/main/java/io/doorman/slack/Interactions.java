package io.doorman.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;
import io.doorman.decisions.Decisions;
import io.doorman.decisions.Questions;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.slack.cards.ActionIds;
import io.doorman.slack.cards.Cards;
import io.doorman.slack.cards.Modals;
import io.doorman.slack.delivery.SlackEffects;
import io.doorman.store.Invitations;
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
 * The buttons and the Ask modal, translated into {@link Decisions} requests: Accept, Decline and
 * Wait are one decision each, Ask opens the modal and its submission is the Ask with the edited
 * question. A decision is stored before the acknowledgement (one short transaction), so the
 * click's answer is the truth; everything that talks to Slack (the card update, an ephemeral
 * notice, opening the modal) happens after it.
 */
final class Interactions {

  private static final Logger log = LoggerFactory.getLogger(Interactions.class);

  private final Invitations store;
  private final Decisions decisions;
  private final Questions questions;
  private final Permissions permissions;
  private final SlackEffects effects;
  private final MethodsClient slack;
  private final Executor afterAck;
  /**
   * Decisions in flight at once. A database commits one at a time anyway (H2 serializes them); a
   * burst of hundreds of concurrent clicks only makes each wait longer, and a click on a row another
   * click holds can time out. A short fair queue here keeps every commit quick.
   */
  private final Semaphore writers = new Semaphore(4, true);

  Interactions(Invitations store, Decisions decisions, Questions questions, Permissions permissions,
      SlackEffects effects, MethodsClient slack, Executor afterAck) {
    this.store = store;
    this.decisions = decisions;
    this.questions = questions;
    this.permissions = permissions;
    this.effects = effects;
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
      var who = req.getPayload().getUser();
      String user = who.getId();
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
      Outcome outcome = decideQueued(new Decisions.Request(id.getAsLong(), Decision.ASK, Optional.of(question),
          Actor.slack(user, who.getUsername() != null ? who.getUsername() : who.getName())));
      if (outcome instanceof Outcome.Refused r) {
        return ctx.ackWithErrors(
            Map.of(ActionIds.QUESTION_BLOCK, Cards.alreadyDecidedPlain(r.current(), r.by(), r.at())));
      }
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
      case ActionIds.WAIT -> decide(p, Decision.WAIT);
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
    // A click that comes too late is told so by a notice written with the refusal, in its transaction.
    decideQueued(new Decisions.Request(id.getAsLong(), decision,
        Actor.slack(user, p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName())),
        (outcome, tx) -> {
          if (outcome instanceof Outcome.Refused r) {
            tell(tx, p, Cards.alreadyDecided(r.current(), r.by(), r.at()));
          } else if (outcome instanceof Outcome.NotFound) {
            tell(tx, p, "This invitation no longer exists.");
          }
        });
  }

  private Outcome decideQueued(Decisions.Request request) {
    return decideQueued(request, Decisions.Reply.NONE);
  }

  private Outcome decideQueued(Decisions.Request request, Decisions.Reply reply) {
    writers.acquireUninterruptibly();
    try {
      return decisions.decide(request, reply);
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
    if (!Decision.ASK.allowedFrom(i.state())) {
      tell(p, Cards.alreadyDecided(i.state(), i.stateBy(), i.stateAt()));
      return;
    }
    String trigger = p.getTriggerId();
    afterAck.execute(() -> {
      try {
        var r = slack.viewsOpen(v -> v.triggerId(trigger).view(Modals.ask(i, questions.haveWeMet(i))));
        if (!r.isOk()) {
          log.warn("slack: cannot open the Ask modal for invitation {}: {}", i.id(), r.getError());
        }
      } catch (Exception e) {
        log.warn("slack: cannot open the Ask modal for invitation {}: {}", i.id(), e.toString());
      }
    });
  }

  /** A notice to whoever clicked, in the channel they clicked in: an outbox effect, once per click. */
  private void tell(BlockActionPayload p, String text) {
    if (p.getChannel() != null) {
      effects.ephemeral(clickKey(p), p.getChannel().getId(), p.getUser().getId(), text);
    }
  }

  private void tell(io.doorman.store.Tx tx, BlockActionPayload p, String text) throws java.sql.SQLException {
    if (p.getChannel() != null) {
      effects.ephemeral(tx, clickKey(p), p.getChannel().getId(), p.getUser().getId(), text);
    }
  }

  /** What names one click: its trigger (a retried request carries the same), else its action's time. */
  private static String clickKey(BlockActionPayload p) {
    String action = p.getActions() == null || p.getActions().isEmpty() ? "" : p.getActions().get(0).getActionTs();
    return p.getUser().getId() + ":" + (p.getTriggerId() != null ? p.getTriggerId() : action);
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

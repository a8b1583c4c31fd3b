package io.doorman.slack.delivery;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.doorman.decisions.Questions;
import io.doorman.outbox.Delivery;
import io.doorman.outbox.Result;
import io.doorman.outbox.Sender;
import io.doorman.slack.cards.Card;
import io.doorman.slack.cards.Cards;
import io.doorman.slack.cards.Mrkdwn;
import io.doorman.store.AskedQuestions;
import io.doorman.store.Database;
import io.doorman.store.Invitations;
import io.doorman.store.StoreException;
import io.doorman.store.StoredInvitation;
import io.doorman.store.Tx;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slack's way out of the outbox: posts a card (or adds the invitation to its sender's card in the
 * channel), updates a card and the thread posts whose buttons no longer apply, posts in a card's
 * thread, tells one person, tells the admins. Each effect is one Web API call; what Slack answered
 * is recorded with the row (a card's ts), and {@link #outcome} maps Slack's errors to what the
 * outbox does: wait (429), try later (5xx, the network), park as dead (channel_not_found and the
 * like), stop (invalid_auth, token_revoked).
 */
public final class SlackSender implements Sender {

  private final Database db;
  private final CardStore cards;
  private final Routing routing;
  private final MethodsClient slack;
  private final Questions questions;
  private final Duration followUpAfter;
  private final Duration pace;

  public SlackSender(Database db, CardStore cards, Routing routing, MethodsClient slack, Questions questions,
      Duration followUpAfter, Duration pace) {
    this.db = db;
    this.cards = cards;
    this.routing = routing;
    this.slack = slack;
    this.questions = questions;
    this.followUpAfter = followUpAfter;
    this.pace = pace;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(SlackEffects.POST, SlackEffects.UPDATE, SlackEffects.THREAD, SlackEffects.EPHEMERAL,
        SlackEffects.NOTICE);
  }

  @Override
  public Duration pace(String lane) {
    return pace;
  }

  /** Reads what the effect needs in a short transaction, then calls Slack outside of it. */
  @Override
  public Result send(Delivery d) {
    return switch (d.kind()) {
      case SlackEffects.POST -> post(d.payload().number("invitation"));
      case SlackEffects.UPDATE -> update(d.payload().number("invitation"));
      case SlackEffects.THREAD -> thread(d);
      case SlackEffects.EPHEMERAL -> call(() -> slack.chatPostEphemeral(e -> e.channel(d.payload().text("channel"))
          .user(d.payload().text("user")).text(d.payload().text("text"))), Result.Recording.NOTHING);
      case SlackEffects.NOTICE -> call(() -> slack.chatPostMessage(m -> m.channel(d.payload().text("channel"))
          .text(Mrkdwn.escape(d.payload().text("text"))).unfurlLinks(false)), Result.Recording.NOTHING);
      default -> new Result.Dead("no Slack effect " + d.kind());
    };
  }

  // ------------------------------------------------------------------ cards

  /** What a post is to do, read before Slack is called. */
  private record PostPlan(Result done, Optional<CardStore.Card> openCard, Optional<StoredInvitation> invitation,
      String channel, String groupKey, Map<Long, CardStore.Versions> shown) {}

  /** A new card, or the invitation added to its sender's open card there; nothing when decided already. */
  private Result post(long id) {
    PostPlan plan = db.inTransaction("read what to post of invitation " + id, tx -> {
      if (cards.handled(tx, id)) {
        return new PostPlan(Result.sent(), Optional.empty(), Optional.empty(), "", "", Map.of()); // done before a crash
      }
      Optional<StoredInvitation> found = Invitations.find(tx, id);
      Optional<String> channel = found.flatMap(i -> routing.channelFor(i.recipient()));
      if (found.isEmpty() || found.get().state().isFinal() || channel.isEmpty()) {
        return new PostPlan(Result.sent(t -> cards.markNotForSlack(t, id)), Optional.empty(), Optional.empty(), "", "",
            Map.of());
      }
      String groupKey = CardStore.groupKey(found.get().profileUrl(), found.get().senderName());
      Optional<CardStore.Card> open = cards.openCardFor(tx, channel.get(), groupKey).flatMap(c -> {
        try {
          return cards.card(tx, c);
        } catch (SQLException e) {
          throw new io.doorman.store.StoreException("cannot read Slack card " + c, e);
        }
      });
      return new PostPlan(null, open, found, channel.get(), groupKey, cards.versions(tx, List.of(id)));
    });
    if (plan.done() != null) {
      return plan.done();
    }
    if (plan.openCard().isPresent()) {
      CardStore.Card card = plan.openCard().get();
      List<Long> ids = new ArrayList<>(card.invitationIds());
      ids.add(id);
      return render(new CardStore.Card(card.id(), card.channel(), card.ts(), ids), t -> cards.attach(t, card.id(), id));
    }
    Card card = Cards.invitation(List.of(plan.invitation().get()), routing.isTeamChannel(plan.channel()));
    ChatPostMessageResponse[] answer = new ChatPostMessageResponse[1];
    return call(() -> answer[0] = slack.chatPostMessage(r -> r.channel(plan.channel()).text(card.text())
            .blocks(card.blocks()).unfurlLinks(false).unfurlMedia(false)),
        t -> cards.recordPosted(t, plan.channel(), plan.groupKey(), answer[0].getTs(), id, plan.shown().get(id)));
  }

  /** What an update is to do: the card, whether it is behind, and the thread posts behind. */
  private record UpdatePlan(Optional<CardStore.Card> card, boolean cardBehind, List<CardStore.ThreadPost> stale,
      int version, Optional<Card> firstStale) {}

  /**
   * The invitation's card shows what it is now, then each thread post whose buttons no longer
   * apply does: one call per round, the row done when nothing is behind.
   */
  private Result update(long id) {
    UpdatePlan plan = db.inTransaction("read what to update of invitation " + id, tx -> {
      Optional<CardStore.Card> card = cards.cardOf(tx, id);
      if (card.isEmpty()) {
        return new UpdatePlan(card, false, List.of(), 0, Optional.empty());
      }
      Map<Long, CardStore.Versions> now = cards.versions(tx, card.get().invitationIds());
      int version = now.get(id).version();
      List<CardStore.ThreadPost> stale = cards.stalePosts(tx, id, version);
      Optional<Card> first = stale.isEmpty() ? Optional.empty() : Invitations.find(tx, id)
          .flatMap(i -> threadPost(tx, i, stale.get(0).kind(), stale.get(0).rowId(), ""));
      return new UpdatePlan(card, !now.equals(cards.rendered(tx, card.get().id())), stale, version, first);
    });
    if (plan.card().isEmpty()) {
      return Result.sent(); // not posted (decided first, or its post died): nothing to update
    }
    if (plan.cardBehind()) {
      Result r = render(plan.card().get(), Result.Recording.NOTHING);
      return !plan.stale().isEmpty() && r instanceof Result.Sent s ? new Result.Progress(s.record()) : r;
    }
    if (plan.stale().isEmpty()) {
      return Result.sent();
    }
    CardStore.ThreadPost post = plan.stale().get(0);
    Result.Recording rendered = t -> cards.recordPostRendered(t, post.id(), plan.version());
    if (plan.firstStale().isEmpty()) {
      return next(plan.stale().size(), rendered);
    }
    Card now = plan.firstStale().get();
    Result r = call(() -> slack.chatUpdate(u -> u.channel(post.channel()).ts(post.ts()).text(now.text())
        .blocks(now.blocks())), rendered);
    return r instanceof Result.Sent s ? next(plan.stale().size(), s.record()) : r;
  }

  private static Result next(int stale, Result.Recording record) {
    return stale > 1 ? new Result.Progress(record) : new Result.Sent(record);
  }

  /** chat.update of the whole card, with {@code also} recorded beside the versions it shows. */
  private Result render(CardStore.Card card, Result.Recording also) {
    record Group(List<StoredInvitation> invitations, Map<Long, CardStore.Versions> shown) {}
    Group group = db.inTransaction("read Slack card " + card.id(), tx -> {
      Map<Long, CardStore.Versions> shown = cards.versions(tx, card.invitationIds());
      List<StoredInvitation> invitations = new ArrayList<>();
      for (long id : card.invitationIds()) {
        Invitations.find(tx, id).ifPresent(invitations::add);
      }
      return new Group(invitations, shown);
    });
    Card rendered = Cards.invitation(group.invitations(),
        routing.isTeamChannel(card.channel()) || group.invitations().size() > 1);
    return call(() -> slack.chatUpdate(r -> r.channel(card.channel()).ts(card.ts()).text(rendered.text())
        .blocks(rendered.blocks())), t -> {
          also.run(t);
          cards.recordRendered(t, group.shown());
        });
  }

  // ------------------------------------------------------------------ threads

  /** What a thread post is to say, and under which card. */
  private record ThreadPlan(Optional<CardStore.Card> card, Optional<Card> post, int version) {}

  private Result thread(Delivery d) {
    long id = d.payload().number("invitation");
    CardStore.PostKind kind = CardStore.PostKind.valueOf(d.payload().text("post"));
    long rowId = d.payload().number("row");
    String actor = d.payload().optional("actor").orElse("");
    ThreadPlan plan = db.inTransaction("read the thread post of invitation " + id, tx -> {
      Optional<CardStore.Card> card = cards.cardOf(tx, id);
      Optional<Card> post = Invitations.find(tx, id).flatMap(i -> threadPost(tx, i, kind, rowId, actor));
      int version = card.isEmpty() ? 0 : cards.versions(tx, List.of(id)).get(id).version();
      return new ThreadPlan(card, post, version);
    });
    if (plan.card().isEmpty() || plan.post().isEmpty()) {
      return Result.sent(); // no card to post under, or nothing left to say
    }
    CardStore.Card card = plan.card().get();
    Card post = plan.post().get();
    ChatPostMessageResponse[] answer = new ChatPostMessageResponse[1];
    boolean buttons = post.blocks().stream().anyMatch(b -> b instanceof com.slack.api.model.block.ActionsBlock);
    return call(() -> answer[0] = slack.chatPostMessage(r -> r.channel(card.channel()).threadTs(card.ts())
            .text(post.text()).blocks(post.blocks()).unfurlLinks(false).unfurlMedia(false)),
        t -> {
          if (buttons) {
            cards.recordThreadPost(t, id, card.channel(), answer[0].getTs(), kind, rowId, plan.version());
          }
        });
  }

  private Optional<Card> threadPost(Tx tx, StoredInvitation i, CardStore.PostKind kind, long rowId, String actor) {
    try {
      return switch (kind) {
        case ASKED -> Optional.of(Cards.question(i, actor,
            AskedQuestions.find(tx, i.id()).map(q -> q.question()).orElseGet(() -> questions.haveWeMet(i))));
        case WAITING_AGAIN -> Optional.of(Cards.waiting(i, actor, followUpAfter));
        case FOLLOW_UP -> Optional.of(Cards.nudge(i, followUpAfter, followUpAfter));
        case ANSWER -> Invitations.answers(tx, i.id()).stream().filter(m -> m.id() == rowId).findFirst()
            .map(m -> Cards.answer(i, m));
      };
    } catch (SQLException e) {
      throw new StoreException("cannot read invitation " + i.id(), e);
    }
  }

  // ------------------------------------------------------------------ Slack's answers

  private interface SlackCall {
    SlackApiTextResponse call() throws IOException, SlackApiException;
  }

  private static Result call(SlackCall call, Result.Recording onOk) {
    try {
      return outcome(call.call(), onOk);
    } catch (SlackApiException e) {
      if (e.getResponse().code() == 429) {
        return new Result.RateLimited(retryAfter(e.getResponse().header("Retry-After")));
      }
      return e.getResponse().code() >= 500 ? new Result.Later("Slack answered HTTP " + e.getResponse().code())
          : new Result.Dead("Slack answered HTTP " + e.getResponse().code());
    } catch (IOException e) {
      return new Result.Later(e.toString());
    }
  }

  /** What Slack's answer means for the effect. */
  static Result outcome(SlackApiTextResponse response, Result.Recording onOk) {
    if (response.isOk()) {
      return new Result.Sent(onOk);
    }
    String error = response.getError();
    return switch (error == null ? "" : error) {
      case "invalid_auth", "token_revoked", "token_expired", "account_inactive", "not_authed", "no_permission",
          "missing_scope" -> new Result.Refused("Slack refused slack.bot-token: " + error);
      case "ratelimited" -> new Result.RateLimited(Duration.ofSeconds(1));
      case "internal_error", "service_unavailable", "fatal_error", "request_timeout" ->
          new Result.Later("Slack: " + error);
      default -> new Result.Dead("Slack: " + error + (error.equals("channel_not_found") || error.equals("not_in_channel")
          ? " (is the bot invited to the channel?)" : ""));
    };
  }

  static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}

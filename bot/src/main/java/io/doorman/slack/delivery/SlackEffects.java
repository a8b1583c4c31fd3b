package io.doorman.slack.delivery;

import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.lifecycle.Decision;
import io.doorman.outbox.Effect;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Payload;
import io.doorman.store.Database;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack is to show of each event, written into the outbox in the event's own transaction:
 * a card for a new invitation, a card update for every change (with the thread posts whose
 * buttons no longer apply), a thread post for a question asked, a wait, a nudge and an answer.
 * Each effect is paced in its channel's lane and ordered per invitation (its card first).
 */
public final class SlackEffects implements Events.Planner {

  private static final Logger log = LoggerFactory.getLogger(SlackEffects.class);

  static final String POST = "slack.post";
  static final String UPDATE = "slack.update";
  static final String THREAD = "slack.thread";
  static final String EPHEMERAL = "slack.ephemeral";
  static final String NOTICE = "slack.notice";

  private final Outbox outbox;
  private final Routing routing;
  private final CardStore cards;
  private final Database db;

  public SlackEffects(Outbox outbox, Routing routing, CardStore cards, Database db) {
    this.outbox = outbox;
    this.routing = routing;
    this.cards = cards;
    this.db = db;
  }

  static String lane(String channel) {
    return "slack:" + channel;
  }

  private static Optional<String> ordering(long invitationId) {
    return Optional.of("slack:invitation:" + invitationId);
  }

  @Override
  public void plan(Event event, Tx tx) throws SQLException {
    Optional<String> recipient = recipientOf(event);
    if (recipient == null) {
      return;
    }
    Optional<String> channel = routing.channelFor(recipient);
    if (channel.isEmpty()) {
      if (event instanceof Event.InvitationStored s && s.isNew()) {
        log.warn("slack: invitation {} is for {}, whom neither slack.channel nor slack.teams covers; not posted",
            s.invitationId(), s.recipient().orElse("nobody named"));
      }
      return;
    }
    long id = event.invitationId();
    if (event instanceof Event.InvitationStored s) {
      if (s.isNew()) {
        enqueue(tx, POST + ":" + id, POST, channel.get(), id, Payload.of("invitation", id));
      } else {
        update(tx, id, channel.get(), "s" + s.sightings());
      }
    } else if (event instanceof Event.Decided d) {
      update(tx, id, channel.get(), "v" + d.version());
      if (d.decision() == Decision.ASK || d.decision() == Decision.WAIT) {
        CardStore.PostKind kind = d.decision() == Decision.ASK ? CardStore.PostKind.ASKED : CardStore.PostKind.WAITING_AGAIN;
        thread(tx, id, channel.get(), "v" + d.version(), kind, 0, d.actor().id());
      }
    } else if (event instanceof Event.FollowUpDue f) {
      update(tx, id, channel.get(), "v" + f.version());
      thread(tx, id, channel.get(), "v" + f.version(), CardStore.PostKind.FOLLOW_UP, 0, "");
    } else if (event instanceof Event.Answered a) {
      update(tx, id, channel.get(), "v" + a.version());
      thread(tx, id, channel.get(), "m" + a.messageId(), CardStore.PostKind.ANSWER, a.messageId(), "");
    }
  }

  /** Whom the event's invitation is for; null for an event Slack shows nothing of. */
  private static Optional<String> recipientOf(Event event) {
    if (event instanceof Event.InvitationStored s) {
      return s.recipient();
    } else if (event instanceof Event.Decided d) {
      return d.recipient();
    } else if (event instanceof Event.FollowUpDue f) {
      return f.recipient();
    } else if (event instanceof Event.Answered a) {
      return a.recipient();
    }
    return null;
  }

  private void update(Tx tx, long id, String channel, String cause) throws SQLException {
    enqueue(tx, UPDATE + ":" + id + ":" + cause, UPDATE, channel, id, Payload.of("invitation", id));
  }

  private void thread(Tx tx, long id, String channel, String cause, CardStore.PostKind kind, long rowId, String actor)
      throws SQLException {
    enqueue(tx, THREAD + ":" + id + ":" + cause, THREAD, channel, id,
        Payload.of("invitation", id, "post", kind.name(), "row", rowId, "actor", actor));
  }

  private void enqueue(Tx tx, String key, String kind, String channel, long invitationId, Payload payload)
      throws SQLException {
    outbox.enqueue(tx, new Effect(key, kind, lane(channel), ordering(invitationId), payload));
  }

  /**
   * A notice to whoever clicked, in the channel they clicked in, visible only to them; {@code key}
   * names the click (a retried click tells once).
   */
  public void ephemeral(Tx tx, String key, String channel, String user, String text) throws SQLException {
    outbox.enqueue(tx, new Effect(EPHEMERAL + ":" + key, EPHEMERAL, lane(channel), Optional.empty(),
        Payload.of("channel", channel, "user", user, "text", text)));
  }

  /** {@link #ephemeral(Tx, String, String, String, String)} in a transaction of its own. */
  public void ephemeral(String key, String channel, String user, String text) {
    db.inTransaction("enqueue a notice to " + user, tx -> {
      ephemeral(tx, key, channel, user, text);
      return null;
    });
  }

  /** A notice for the admins in {@code channel} (no buttons, no links); {@code key} makes it once. */
  public void notice(String key, String channel, String text) {
    outbox.enqueue(new Effect(NOTICE + ":" + key, NOTICE, lane(channel), Optional.empty(),
        Payload.of("channel", channel, "text", text)));
  }

  /**
   * Enqueues what no event enqueued: cards for invitations stored while Slack was off (or by a
   * process without Slack), updates for cards behind their invitation. Keys make it harmless to
   * run again; run once when Slack starts.
   */
  public int catchUp() {
    int enqueued = 0;
    long after = 0;
    for (;;) {
      long from = after;
      var batch = db.inTransaction("find invitations Slack has not shown", tx -> cards.unposted(tx, from, 500));
      if (batch.isEmpty()) {
        break;
      }
      enqueued += db.inTransaction("enqueue the cards not posted", tx -> {
        int n = 0;
        for (CardStore.Unposted u : batch) {
          Optional<String> channel = routing.channelFor(u.recipient());
          if (channel.isPresent()) {
            n += outbox.enqueue(tx, new Effect(POST + ":" + u.invitationId(), POST, lane(channel.get()),
                ordering(u.invitationId()), Payload.of("invitation", u.invitationId()))) ? 1 : 0;
          }
        }
        return n;
      });
      after = batch.get(batch.size() - 1).invitationId();
    }
    after = 0;
    for (;;) {
      long from = after;
      var batch = db.inTransaction("find Slack cards behind", tx -> cards.behind(tx, from, 500));
      if (batch.isEmpty()) {
        break;
      }
      enqueued += db.inTransaction("enqueue the card updates", tx -> {
        int n = 0;
        for (CardStore.Behind b : batch) {
          n += outbox.enqueue(tx, new Effect(UPDATE + ":" + b.invitationId() + ":v" + b.version() + "s" + b.sightings(),
              UPDATE, lane(b.channel()), ordering(b.invitationId()), Payload.of("invitation", b.invitationId()))) ? 1 : 0;
        }
        return n;
      });
      after = batch.get(batch.size() - 1).invitationId();
    }
    if (enqueued > 0) {
      log.info("slack: {} cards and updates enqueued that no event had (stored or changed while Slack was off)", enqueued);
    }
    return enqueued;
  }
}

package io.doorman.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.doorman.decisions.Questions;
import io.doorman.slack.cards.Card;
import io.doorman.slack.cards.Cards;
import io.doorman.slack.outbox.CardStore.ThreadEvent;
import io.doorman.slack.outbox.CardStore.Uncarded;
import io.doorman.slack.outbox.CardStore.Versions;
import io.doorman.store.Invitations;
import io.doorman.store.StoredInvitation;
import io.doorman.store.StoredMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to Slack what the store says is not there yet, in order and paced: card updates first
 * (so a decision shows quickly), then thread posts, then new cards in invitation id order. Nothing
 * is queued in memory: each round asks the database, and each Slack answer is recorded as soon as
 * it arrives, so a restart carries on where the last run stopped. At most one call per channel per
 * round, and none to a channel Slack asked to wait.
 *
 * <p>With several nodes on one database, the node holding the outbox lease posts (renewed while
 * it runs, released on close, taken over {@link #LEASE} after a node died). If the process dies
 * between Slack's answer and the commit that records it, that one message is posted again.
 */
public final class Outbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration CHANNEL_TROUBLE = Duration.ofMinutes(1);
  private static final Duration NETWORK_TROUBLE = Duration.ofSeconds(5);
  private static final int BATCH = 200;
  /** How long the posting node's lease lasts without renewal: the takeover time after a crash. */
  static final Duration LEASE = Duration.ofSeconds(30);
  /** Rounds no closer than this (or the pace, if quicker): a burst of clicks wakes one round, not hundreds. */
  private static final Duration MIN_GAP = Duration.ofMillis(100);
  /**
   * New invitations are looked for from the lowest id not yet handled, and from the start this
   * often: an ingest that took an id before another but committed after it is still found.
   */
  private static final Duration RESCAN = Duration.ofSeconds(30);

  private final CardStore cards;
  private final Invitations store;
  private final Routing routing;
  private final MethodsClient slack;
  private final Questions questions;
  private final Duration followUpAfter;
  private final Pacer pacer;
  private final Duration minGap;
  private long uncardedFrom;
  private long lastRescan = System.nanoTime();
  private final String node = UUID.randomUUID().toString();
  private final Clock clock;
  private Instant leaseUntil = Instant.EPOCH;
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread thread;

  public Outbox(CardStore cards, Invitations store, Routing routing, MethodsClient slack, Questions questions,
      Duration followUpAfter, Duration pacing, Clock clock) {
    this.clock = clock;
    this.cards = cards;
    this.store = store;
    this.routing = routing;
    this.slack = slack;
    this.questions = questions;
    this.followUpAfter = followUpAfter;
    this.pacer = new Pacer(pacing, System::nanoTime);
    this.minGap = pacing.compareTo(MIN_GAP) < 0 ? pacing : MIN_GAP;
  }

  /** What one Slack call came to. */
  private enum Sent { OK, TRY_LATER, GIVE_UP }

  /** One round; returns how many Slack calls it made. Called by the outbox thread (and tests). */
  public synchronized int drainOnce() {
    if (!holdsLease()) {
      return 0;
    }
    Set<String> busy = new HashSet<>();
    int calls = 0;
    for (long cardId : cards.changedCards(BATCH)) {
      Optional<CardStore.Card> card = cards.card(cardId);
      if (card.isEmpty() || !take(busy, card.get().channel())) {
        continue;
      }
      calls++;
      update(card.get());
    }
    for (CardStore.StalePost post : cards.stalePosts(BATCH)) {
      if (!take(busy, post.event().channel())) {
        continue;
      }
      calls++;
      updatePost(post);
    }
    Set<Long> cardsSeen = new HashSet<>();
    for (ThreadEvent e : ordered(cards.threadEvents(BATCH))) {
      // One post per card per round, and never one before an earlier one of the same card.
      if (!cardsSeen.add(e.cardId()) || !take(busy, e.channel())) {
        continue;
      }
      calls++;
      thread(e);
    }
    if (System.nanoTime() - lastRescan > RESCAN.toNanos()) {
      uncardedFrom = 0;
      lastRescan = System.nanoTime();
    }
    List<Uncarded> waiting = cards.uncarded(uncardedFrom, BATCH);
    List<Long> notForSlack = new ArrayList<>();
    long lowestLeft = Long.MAX_VALUE;
    for (Uncarded u : waiting) {
      if (u.state().isFinal()) {
        notForSlack.add(u.invitationId());
        continue;
      }
      Optional<String> channel = routing.channelFor(u.recipient());
      if (channel.isEmpty()) {
        log.warn("slack: invitation {} is for {}, whom neither slack.channel nor slack.teams covers; not posted",
            u.invitationId(), u.recipient().orElse("nobody named"));
        notForSlack.add(u.invitationId());
        continue;
      }
      if (!free(busy, channel.get())) {
        lowestLeft = Math.min(lowestLeft, u.invitationId());
        continue;
      }
      Optional<Long> existing = cards.cardFor(channel.get(), u.groupKey());
      if (existing.isPresent()) {
        cards.attach(existing.get(), u.invitationId());
        continue;
      }
      busy.add(channel.get());
      calls++;
      post(u, channel.get());
      // Until the post is recorded (a retry after 429), it is still waiting.
      lowestLeft = Math.min(lowestLeft, u.invitationId());
    }
    cards.markNotForSlack(notForSlack);
    if (!waiting.isEmpty()) {
      uncardedFrom = lowestLeft != Long.MAX_VALUE ? lowestLeft : waiting.get(waiting.size() - 1).invitationId() + 1;
    }
    return calls;
  }

  /** Whether this node posts: takes the lease, or renews it once a third of it has passed. */
  private boolean holdsLease() {
    Instant now = clock.instant();
    if (now.isBefore(leaseUntil.minus(LEASE.multipliedBy(2).dividedBy(3)))) {
      return true;
    }
    Instant until = now.plus(LEASE);
    if (cards.lease(node, until)) {
      leaseUntil = until;
      return true;
    }
    leaseUntil = Instant.EPOCH;
    return false;
  }

  /** Whether this round may call Slack for {@code channel} (and so takes it): once per channel. */
  private boolean take(Set<String> busy, String channel) {
    boolean free = free(busy, channel);
    busy.add(channel);
    return free;
  }

  private boolean free(Set<String> busy, String channel) {
    if (busy.contains(channel)) {
      return false;
    }
    if (!pacer.ready(channel)) {
      busy.add(channel);
      return false;
    }
    return true;
  }

  private static List<ThreadEvent> ordered(List<ThreadEvent> events) {
    // Questions and nudges (audit rows) come before answers: an answer follows its question.
    List<ThreadEvent> out = new ArrayList<>(events);
    out.sort((a, b) -> Boolean.compare(a.kind() == CardStore.EventKind.ANSWER, b.kind() == CardStore.EventKind.ANSWER));
    return out;
  }

  private void post(Uncarded u, String channel) {
    Versions shown = cards.versions(List.of(u.invitationId())).get(u.invitationId());
    Optional<StoredInvitation> invitation = store.find(u.invitationId());
    if (shown == null || invitation.isEmpty()) {
      return;
    }
    Card card = Cards.invitation(List.of(invitation.get()), routing.isTeamChannel(channel));
    ChatPostMessageResponse[] answer = new ChatPostMessageResponse[1];
    Sent sent = send(channel, "post invitation " + u.invitationId(), () -> answer[0] = slack.chatPostMessage(r -> r
        .channel(channel).text(card.text()).blocks(card.blocks()).unfurlLinks(false).unfurlMedia(false)));
    switch (sent) {
      case OK -> cards.recordPosted(channel, u.groupKey(), answer[0].getTs(), u.invitationId(), shown);
      case GIVE_UP -> cards.markNotForSlack(List.of(u.invitationId()));
      case TRY_LATER -> { }
    }
  }

  private void update(CardStore.Card card) {
    Map<Long, Versions> shown = cards.versions(card.invitationIds());
    List<StoredInvitation> group = new ArrayList<>();
    for (long id : card.invitationIds()) {
      store.find(id).ifPresent(group::add);
    }
    if (group.isEmpty()) {
      return;
    }
    Card rendered = Cards.invitation(group, routing.isTeamChannel(card.channel()) || group.size() > 1);
    Sent sent = send(card.channel(), "update card " + card.id(), () -> slack.chatUpdate(r -> r
        .channel(card.channel()).ts(card.ts()).text(rendered.text()).blocks(rendered.blocks())));
    if (sent != Sent.TRY_LATER) {
      cards.recordRendered(shown);
    }
  }

  private void thread(ThreadEvent e) {
    Versions shown = cards.versions(List.of(e.invitationId())).get(e.invitationId());
    Optional<StoredInvitation> invitation = store.find(e.invitationId());
    Optional<Card> post = invitation.flatMap(i -> threadPost(i, e));
    if (post.isEmpty() || shown == null) {
      cards.recordThreaded(e, Optional.empty(), new Versions(-1, -1));
      return;
    }
    ChatPostMessageResponse[] answer = new ChatPostMessageResponse[1];
    Sent sent = send(e.channel(), "post in the thread of card " + e.cardId(), () -> answer[0] = slack.chatPostMessage(r -> r
        .channel(e.channel()).threadTs(e.ts()).text(post.get().text()).blocks(post.get().blocks())
        .unfurlLinks(false).unfurlMedia(false)));
    if (sent != Sent.TRY_LATER) {
      boolean buttons = sent == Sent.OK && hasButtons(post.get());
      cards.recordThreaded(e, buttons ? Optional.of(answer[0].getTs()) : Optional.empty(), shown);
    }
  }

  /** A thread post's buttons follow its invitation: gone once they no longer apply. */
  private void updatePost(CardStore.StalePost stale) {
    Optional<Card> post = store.find(stale.event().invitationId()).flatMap(i -> threadPost(i, stale.event()));
    if (post.isEmpty()) {
      cards.recordPostRendered(stale.id(), stale.version());
      return;
    }
    Sent sent = send(stale.event().channel(), "update a thread post", () -> slack.chatUpdate(r -> r
        .channel(stale.event().channel()).ts(stale.postTs()).text(post.get().text()).blocks(post.get().blocks())));
    if (sent != Sent.TRY_LATER) {
      cards.recordPostRendered(stale.id(), stale.version());
    }
  }

  private static boolean hasButtons(Card card) {
    return card.blocks().stream().anyMatch(b -> b instanceof com.slack.api.model.block.ActionsBlock);
  }

  private Optional<Card> threadPost(StoredInvitation i, ThreadEvent e) {
    return switch (e.kind()) {
      case ASKED -> Optional.of(Cards.question(i, e.actor(),
          store.question(i.id()).map(q -> q.question()).orElseGet(() -> questions.haveWeMet(i))));
      case WAITING_AGAIN -> Optional.of(Cards.waiting(i, e.actor(), followUpAfter));
      case FOLLOW_UP -> Optional.of(Cards.nudge(i, followUpAfter, followUpAfter));
      case ANSWER -> {
        Optional<StoredMessage> m = store.answers(i.id()).stream()
            .filter(x -> x.id() == e.rowId()).findFirst();
        yield m.map(x -> Cards.answer(i, x));
      }
    };
  }

  private interface SlackCall {
    SlackApiTextResponse call() throws IOException, SlackApiException;
  }

  private Sent send(String channel, String what, SlackCall call) {
    try {
      SlackApiTextResponse response = call.call();
      pacer.sent(channel);
      if (response.isOk()) {
        return Sent.OK;
      }
      String error = response.getError();
      switch (error) {
        case "channel_not_found", "not_in_channel", "is_archived", "ratelimited", "internal_error",
            "service_unavailable", "fatal_error", "request_timeout", "invalid_auth", "account_inactive",
            "token_revoked" -> {
          log.error("slack: cannot {} in {}: {} (trying again in a minute; is the bot invited to the channel?)",
              what, channel, error);
          pacer.holdOff(channel, CHANNEL_TROUBLE);
          return Sent.TRY_LATER;
        }
        default -> {
          log.error("slack: cannot {} in {}: {}; skipped", what, channel, error);
          return Sent.GIVE_UP;
        }
      }
    } catch (SlackApiException e) {
      if (e.getResponse().code() == 429) {
        Duration wait = retryAfter(e.getResponse().header("Retry-After"));
        log.info("slack: rate limited in {}; waiting {} s as Slack asks", channel, wait.toSeconds());
        pacer.holdOff(channel, wait);
      } else {
        log.warn("slack: cannot {} in {}: HTTP {}", what, channel, e.getResponse().code());
        pacer.holdOff(channel, NETWORK_TROUBLE);
      }
      return Sent.TRY_LATER;
    } catch (IOException e) {
      log.warn("slack: cannot {} in {}: {}", what, channel, e.toString());
      pacer.holdOff(channel, NETWORK_TROUBLE);
      return Sent.TRY_LATER;
    }
  }

  static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  // ------------------------------------------------------------------ the thread

  /** Starts posting in the background; {@link #wake()} makes it look now instead of within a second. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "doorman-slack-outbox");
    thread.setDaemon(true);
    thread.start();
  }

  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void loop() {
    while (running) {
      long started = System.nanoTime();
      Duration wait = POLL;
      try {
        int calls = drainOnce();
        Duration next = pacer.untilNext();
        if (calls > 0 || (!next.isZero() && next.compareTo(POLL) < 0)) {
          // More may be waiting: go again as soon as Slack's pace allows.
          wait = next.compareTo(POLL) < 0 ? next : POLL;
        }
      } catch (RuntimeException e) {
        log.warn("slack: outbox round failed, trying again: {}", e.toString());
        wait = NETWORK_TROUBLE;
      }
      pause(wait);
      long since = System.nanoTime() - started;
      if (since < minGap.toNanos()) {
        pauseIgnoringWake(Duration.ofNanos(minGap.toNanos() - since));
      }
    }
  }

  /** A wait that a wake does not cut short (it stays pending for the next round). */
  private void pauseIgnoringWake(Duration d) {
    synchronized (signal) {
      long deadline = System.nanoTime() + d.toNanos();
      try {
        while (running) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return;
          }
          signal.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void pause(Duration d) {
    if (d.isZero()) {
      return;
    }
    synchronized (signal) {
      long deadline = System.nanoTime() + d.toNanos();
      try {
        while (!woken && running) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          signal.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      woken = false;
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    wake();
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      try {
        cards.release(node);
      } catch (RuntimeException e) {
        log.warn("slack: cannot release the outbox lease (another node takes over within {} s): {}",
            LEASE.toSeconds(), e.toString());
      }
      leaseUntil = Instant.EPOCH;
    }
  }
}

package io.doorman.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.doorman.slack.delivery.CardStore;
import io.doorman.slack.delivery.Routing;
import io.doorman.store.StoredInvitation;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may decide on an invitation: the members of the channel its card is in (Slack's {@code
 * conversations.members}, cached for five minutes), and with {@code slack.decide=recipient} only
 * the member whose name or address is the invitation's recipient.
 */
final class Permissions {

  private static final Logger log = LoggerFactory.getLogger(Permissions.class);
  static final Duration CACHED_FOR = Duration.ofMinutes(5);

  private final MethodsClient slack;
  private final SlackSettings.Decide decide;
  private final CardStore cards;
  private final Routing routing;
  private final LoadingCache<String, Set<String>> members;
  private final LoadingCache<String, Set<String>> names;

  Permissions(MethodsClient slack, SlackSettings.Decide decide, CardStore cards, Routing routing) {
    this.slack = slack;
    this.decide = decide;
    this.cards = cards;
    this.routing = routing;
    this.members = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(CACHED_FOR).build(this::fetchMembers);
    this.names = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHED_FOR).build(this::fetchNames);
  }

  /** Whether who may decide depends on the invitation itself (its recipient), not only the channel. */
  boolean needsInvitation() {
    return decide == SlackSettings.Decide.RECIPIENT;
  }

  /**
   * Why {@code userId}, clicking in {@code clickedIn}, may not decide on an invitation; empty when
   * they may. A click in one of Doorman's channels is judged by that channel's members (the card
   * or its thread is there); anywhere else, by the channel of the invitation's card.
   */
  Optional<String> refusal(String userId, Optional<String> clickedIn, long invitationId,
      Supplier<Optional<StoredInvitation>> invitation) {
    Optional<String> channel = clickedIn.filter(routing.channels()::contains)
        .or(() -> cards.cardOf(invitationId).map(CardStore.Card::channel))
        .or(() -> invitation.get().flatMap(i -> routing.channelFor(i.recipient())));
    Optional<String> refused = refusalIn(userId, channel);
    if (refused.isPresent() || !needsInvitation()) {
      return refused;
    }
    Optional<StoredInvitation> i = invitation.get();
    return i.isEmpty() ? Optional.of("This invitation no longer exists.") : recipientRefusal(userId, i.get());
  }

  Optional<String> refusal(String userId, StoredInvitation invitation) {
    return refusal(userId, Optional.empty(), invitation.id(), () -> Optional.of(invitation));
  }

  private Optional<String> refusalIn(String userId, Optional<String> channel) {
    if (channel.isEmpty()) {
      return Optional.of("This invitation isn't shown in any Doorman channel.");
    }
    Set<String> inChannel;
    try {
      inChannel = members.get(channel.get());
    } catch (RuntimeException e) {
      log.warn("slack: cannot list the members of {}: {}", channel.get(), e.toString());
      return Optional.of("Doorman can't check who is in <#" + channel.get() + "> right now; try again in a minute.");
    }
    if (!inChannel.contains(userId)) {
      return Optional.of("Only members of <#" + channel.get() + "> can decide on its invitations.");
    }
    return Optional.empty();
  }

  private Optional<String> recipientRefusal(String userId, StoredInvitation invitation) {
    if (invitation.recipient().isPresent()) {
      String recipient = invitation.recipient().get().strip().toLowerCase(Locale.ROOT);
      Set<String> theirs;
      try {
        theirs = names.get(userId);
      } catch (RuntimeException e) {
        log.warn("slack: cannot look up user {}: {}", userId, e.toString());
        theirs = Set.of();
      }
      if (!theirs.contains(recipient)) {
        return Optional.of("Only the person this invitation is for can decide on it here (slack.decide=recipient).");
      }
    }
    return Optional.empty();
  }

  private Set<String> fetchMembers(String channel) throws IOException, SlackApiException {
    Set<String> out = new HashSet<>();
    String cursor = "";
    do {
      String page = cursor;
      ConversationsMembersResponse r = slack.conversationsMembers(q -> q.channel(channel).limit(1000).cursor(page));
      if (!r.isOk()) {
        throw new IllegalStateException("conversations.members: " + r.getError());
      }
      out.addAll(r.getMembers());
      cursor = r.getResponseMetadata() == null ? "" : r.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return Set.copyOf(out);
  }

  /** The names and address a user goes by, folded, to compare with an email's recipient. */
  private Set<String> fetchNames(String userId) throws IOException, SlackApiException {
    UsersInfoResponse r = slack.usersInfo(q -> q.user(userId));
    if (!r.isOk()) {
      throw new IllegalStateException("users.info: " + r.getError());
    }
    User u = r.getUser();
    Set<String> out = new HashSet<>();
    add(out, u.getName());
    add(out, u.getRealName());
    if (u.getProfile() != null) {
      add(out, u.getProfile().getRealName());
      add(out, u.getProfile().getDisplayName());
      add(out, u.getProfile().getEmail());
    }
    return Set.copyOf(out);
  }

  private static void add(Set<String> out, String name) {
    if (name != null && !name.isBlank()) {
      out.add(name.strip().toLowerCase(Locale.ROOT));
    }
  }
}

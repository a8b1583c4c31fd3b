package io.doorman.slack.delivery;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which channel gets an invitation: the team channel that lists its recipient ({@code
 * slack.teams}), else the default channel ({@code slack.channel}), else none.
 */
public final class Routing {

  private final Optional<String> defaultChannel;
  private final Map<String, String> channelByRecipient = new HashMap<>();
  private final Map<String, List<String>> teams;

  public Routing(Optional<String> defaultChannel, Map<String, List<String>> teams) {
    this.defaultChannel = defaultChannel;
    this.teams = Map.copyOf(teams);
    teams.forEach((channel, recipients) ->
        recipients.forEach(r -> channelByRecipient.putIfAbsent(fold(r), channel)));
  }

  public Optional<String> channelFor(Optional<String> recipient) {
    return recipient.map(r -> channelByRecipient.get(fold(r))).or(() -> defaultChannel);
  }

  /** A channel several people share, where a card says whom an invitation is for. */
  public boolean isTeamChannel(String channel) {
    return teams.containsKey(channel);
  }

  public Set<String> channels() {
    Set<String> all = new LinkedHashSet<>(teams.keySet());
    defaultChannel.ifPresent(all::add);
    return all;
  }

  static String fold(String recipient) {
    return recipient.strip().toLowerCase(Locale.ROOT);
  }
}

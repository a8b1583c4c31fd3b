package io.doorman.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Slack's configuration (keys as in CONFIG.md). Slack is on when {@code slack.bot-token} and
 * {@code slack.signing-secret} are both set; {@link #toString()} masks the secrets.
 *
 * @param teams channel id to the recipients (names or addresses, as the emails name them) whose
 *     invitations go there; an invitation for nobody listed goes to {@code channel}
 */
public record SlackSettings(
    String botToken,
    String signingSecret,
    Optional<String> appToken,
    Optional<String> channel,
    Map<String, List<String>> teams,
    Decide decide,
    String apiUrl) {

  /** Who may decide on an invitation in a channel. */
  public enum Decide {
    /** Any member of the channel it was posted in. */
    ANYONE,
    /** Only the person the invitation is for. */
    RECIPIENT
  }

  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public SlackSettings {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(decide, "decide");
    Objects.requireNonNull(apiUrl, "apiUrl");
    teams = Map.copyOf(teams);
    if (channel.isEmpty() && teams.isEmpty()) {
      throw new IllegalArgumentException("Slack needs slack.channel or slack.teams: where should invitations go?");
    }
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
  }

  /** The settings, or empty when Slack is off; a bad value is refused naming its key. */
  public static Optional<SlackSettings> from(Function<String, Optional<String>> lookup) {
    Optional<String> token = value(lookup, "slack.bot-token");
    Optional<String> secret = value(lookup, "slack.signing-secret");
    if (token.isEmpty() && secret.isEmpty()) {
      return Optional.empty();
    }
    if (token.isEmpty() || secret.isEmpty()) {
      throw new IllegalArgumentException("Slack needs both slack.bot-token and slack.signing-secret; only "
          + (token.isPresent() ? "slack.bot-token" : "slack.signing-secret") + " is set");
    }
    if (!token.get().startsWith("xoxb-")) {
      throw new IllegalArgumentException("slack.bot-token must be a bot token (xoxb-…)");
    }
    Optional<String> appToken = value(lookup, "slack.app-token");
    if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
      throw new IllegalArgumentException("slack.app-token must be an app-level token (xapp-…)");
    }
    String decideWord = value(lookup, "slack.decide").orElse("anyone");
    Decide decide = switch (decideWord.toLowerCase(Locale.ROOT)) {
      case "anyone" -> Decide.ANYONE;
      case "recipient" -> Decide.RECIPIENT;
      default -> throw new IllegalArgumentException(
          "slack.decide: '" + decideWord + "' is neither 'anyone' nor 'recipient'");
    };
    return Optional.of(new SlackSettings(token.get(), secret.get(), appToken, value(lookup, "slack.channel"),
        teams(value(lookup, "slack.teams").orElse("")), decide,
        value(lookup, "slack.api-url").orElse(DEFAULT_API_URL)));
  }

  /** {@code CHANNEL=recipient,recipient;CHANNEL2=…} */
  static Map<String, List<String>> teams(String spec) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String team : spec.split(";")) {
      if (team.isBlank()) {
        continue;
      }
      int eq = team.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("slack.teams: '" + team.strip() + "' is not CHANNEL=recipient,recipient");
      }
      String channel = team.substring(0, eq).strip();
      List<String> recipients = new ArrayList<>();
      for (String r : team.substring(eq + 1).split(",")) {
        if (!r.isBlank()) {
          recipients.add(r.strip());
        }
      }
      if (recipients.isEmpty()) {
        throw new IllegalArgumentException("slack.teams: channel " + channel + " lists no recipients");
      }
      out.merge(channel, recipients, (a, b) -> {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
      });
    }
    return out;
  }

  private static Optional<String> value(Function<String, Optional<String>> lookup, String key) {
    return lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** Whether Socket Mode (no public URL) is configured instead of the HTTP endpoint. */
  public boolean socketMode() {
    return appToken.isPresent();
  }

  @Override
  public String toString() {
    return "SlackSettings[botToken=***, signingSecret=***, appToken=" + appToken.map(t -> "***").orElse("none")
        + ", channel=" + channel.orElse("none") + ", teams=" + teams + ", decide=" + decide
        + ", apiUrl=" + apiUrl + "]";
  }
}

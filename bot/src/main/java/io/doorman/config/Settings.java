package io.doorman.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting Doorman knows, in the order {@code doorman config check} shows them (CONFIG.md). */
public final class Settings {

  private static final Map<String, Setting> BY_KEY = new LinkedHashMap<>();

  static {
    plain("data.dir", "./data", "directory of the embedded H2 database", Checks.notBlank());
    plain("db.url", null, "JDBC URL of PostgreSQL (or another database) instead of H2", Setting.Check.ANY);
    plain("db.user", null, "database user", Setting.Check.ANY);
    secret("db.password", "database password");
    plain("policy.file", null, "a policy file layered on the default policy", Setting.Check.ANY);
    plain("inbox.dir", "./inbox", "watched inbox directory (a Maildir or .eml files)", Checks.notBlank());
    plain("http.bind", "127.0.0.1", "address of the web server (console, /slack/events, /healthz, /readyz, /metrics)",
        Checks.notBlank());
    plain("http.port", "8080", "port of the web server (0 = any free port)", Checks.port());
    secret("console.token", "required for the console when http.bind is not loopback");
    plain("console.operator", null, "whom console decisions are recorded as (default: the machine's user)",
        Setting.Check.ANY);
    secret("slack.bot-token", "xoxb-… bot token; Slack is on when this and slack.signing-secret are set");
    secret("slack.signing-secret", "Slack's request signing secret");
    secret("slack.app-token", "xapp-… app token; when set, Socket Mode instead of the HTTP endpoint");
    plain("slack.channel", null, "channel id that gets every invitation unless slack.teams routes it", Setting.Check.ANY);
    plain("slack.teams", null, "routing CHANNEL=recipient,recipient;CHANNEL2=…", Setting.Check.ANY);
    plain("slack.decide", "anyone", "who may decide: anyone on the team, or only the recipient",
        Checks.oneOf("anyone", "recipient"));
    plain("slack.api-url", "https://slack.com/api/", "Slack Web API base URL", Checks.webUrl());
    plain("imap.host", null, "IMAP server of the mailbox people forward to; IMAP is on when set", Setting.Check.ANY);
    // No catalog default: it follows imap.tls (993, or 143 without TLS), which the IMAP source knows.
    plain("imap.port", null, "IMAP port (default 993 for implicit TLS, else 143)", Checks.port());
    plain("imap.user", null, "IMAP user", Setting.Check.ANY);
    secret("imap.password", "IMAP password");
    plain("imap.tls", "implicit", "implicit (993), starttls (required) or none (loopback only)", Checks.tls());
    plain("imap.trust", null, "PEM file of certificates trusted besides the JVM's (a private CA, a self-signed server)",
        Setting.Check.ANY);
    plain("imap.tls-insecure", "false", "allow imap.tls=none to a server beyond this machine", Checks.bool());
    secret("imap.oauth-token", "XOAUTH2 access token instead of a password");
    plain("imap.oauth-token-command", null, "command that prints an XOAUTH2 access token", Setting.Check.ANY);
    plain("imap.folder", "INBOX", "IMAP folder to read", Checks.notBlank());
    plain("imap.processed-folder", "Doorman/Processed", "stored messages move here", Checks.notBlank());
    plain("imap.review-folder", "Doorman/Review", "mail that is not LinkedIn's moves here for a human",
        Checks.notBlank());
    plain("imap.mark", "move", "move to the processed folder, or flag (\\Seen + keyword)", Checks.oneOf("move", "flag"));
    plain("smtp.host", null, "outgoing mail server; email replies are on when set", Setting.Check.ANY);
    // No catalog default: it follows smtp.tls (587 for starttls), which the SMTP sender knows.
    plain("smtp.port", null, "SMTP port (default 587 for starttls)", Checks.port());
    plain("smtp.user", null, "SMTP user", Setting.Check.ANY);
    secret("smtp.password", "SMTP password");
    plain("smtp.tls", "starttls", "starttls, tls or none", Checks.oneOf("starttls", "tls", "none"));
    plain("mail.trusted-authserv-id", null,
        "receiving servers whose Authentication-Results count (e.g. mx.google.com), comma-separated",
        Setting.Check.ANY);
    plain("smtp.from", null, "Doorman's address; replies go to its +token form", Setting.Check.ANY);
    secret("email.reply-secret", "HMAC key for reply tokens (generated into data.dir when unset)");
    plain("email.allow", null, "addresses or @domains that get replies; nobody else does", Setting.Check.ANY);
    plain("email.digest-at", "08:00", "local time of the daily digest (empty = off)", Checks.timeOfDayOrEmpty());
  }

  private Settings() {}

  private static void plain(String key, String defaultValue, String description, Setting.Check check) {
    BY_KEY.put(key, new Setting(key, Optional.ofNullable(defaultValue), false, description, check));
  }

  private static void secret(String key, String description) {
    BY_KEY.put(key, new Setting(key, Optional.empty(), true, description, Setting.Check.ANY));
  }

  /** Every setting, in catalog order. */
  public static List<Setting> all() {
    return List.copyOf(BY_KEY.values());
  }

  public static Optional<Setting> find(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The known key closest to a misspelt one (by edit distance), for "did you mean". */
  static String closest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : BY_KEY.keySet()) {
      int d = distance(key, known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance, two rows at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** Keys whose environment variable is set but that the catalog does not know (typos). */
  static List<String> unknownEnvironment(Map<String, String> env) {
    List<String> known = new ArrayList<>();
    BY_KEY.values().forEach(s -> known.add(s.envVar()));
    List<String> unknown = new ArrayList<>();
    for (String name : env.keySet()) {
      if (name.startsWith("DOORMAN_") && !known.contains(name)) {
        unknown.add(name);
      }
    }
    unknown.sort(null);
    return unknown;
  }
}

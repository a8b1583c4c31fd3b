package io.doorman.app;

import io.doorman.config.Configuration;
import io.doorman.http.WebServer;
import java.util.ArrayList;
import java.util.List;
import io.doorman.ingest.tls.TlsMode;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a configuration means: which parts {@code doorman run} starts and where, in one line each.
 * {@code doorman config check} prints these; {@code doorman run} prints the same for the parts
 * that are off.
 */
public final class Plan {

  private final Function<String, Optional<String>> c;

  public Plan(Configuration config) {
    this.c = config::given;
  }

  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("store: " + store());
    out.add("policy: " + policy());
    out.add("inbox: " + c.apply("inbox.dir").orElse("(off)") + " (watched)");
    out.add("console: " + console());
    out.add("Slack: " + slack());
    out.add("IMAP: " + imap());
    out.add("SMTP: " + smtp());
    out.add("digest: " + digest());
    return out;
  }

  String store() {
    return c.apply("db.url").map(url -> "database at " + redact(url) + c.apply("db.user").map(u -> " as " + u).orElse(""))
        .orElse("H2 at " + c.apply("data.dir").orElse("./data"));
  }

  String policy() {
    return c.apply("policy.file").map(f -> "default policy with " + f + " layered on it").orElse("default policy");
  }

  String console() {
    String bind = c.apply("http.bind").orElse("127.0.0.1");
    String port = c.apply("http.port").orElse("8080");
    String url = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + port + "/";
    if (WebServer.isLoopback(bind)) {
      return url + " (loopback only" + (c.apply("console.token").isPresent() ? "; token required)" : "; no token needed)");
    }
    return c.apply("console.token").isPresent()
        ? url + " (reachable beyond this machine; console token required)"
        : url + " — REFUSED: http.bind is not loopback and console.token is not set";
  }

  String slack() {
    Optional<String> bot = c.apply("slack.bot-token");
    Optional<String> signing = c.apply("slack.signing-secret");
    if (bot.isEmpty() && signing.isEmpty()) {
      return "off (slack.bot-token not set)";
    }
    if (bot.isEmpty() || signing.isEmpty()) {
      return "REFUSED: Slack needs both slack.bot-token and slack.signing-secret; "
          + (bot.isEmpty() ? "slack.bot-token" : "slack.signing-secret") + " is not set";
    }
    if (c.apply("slack.app-token").isPresent()) {
      return "on, Socket Mode" + channel();
    }
    return "on, events at /slack/events" + channel();
  }

  private String channel() {
    return c.apply("slack.teams").map(t -> "; routed by slack.teams")
        .or(() -> c.apply("slack.channel").map(ch -> "; posting to " + ch))
        .orElse("; no slack.channel or slack.teams: nowhere to post");
  }

  String imap() {
    TlsMode tls = c.apply("imap.tls").map(v -> TlsMode.parse("imap.tls", v)).orElse(TlsMode.IMPLICIT);
    return c.apply("imap.host")
        .map(h -> "on, " + c.apply("imap.user").map(u -> u + "@").orElse("") + h + ":"
            + c.apply("imap.port").orElse(tls == TlsMode.IMPLICIT ? "993" : "143")
            + " folder " + c.apply("imap.folder").orElse("INBOX") + " (TLS: " + tls.wireName() + ")")
        .orElse("off (imap.host not set)");
  }

  String smtp() {
    Optional<String> host = c.apply("smtp.host");
    if (host.isEmpty()) {
      return "off (smtp.host not set): no email replies";
    }
    String to = c.apply("email.allow").map(a -> "replies to " + a).orElse("replies to nobody (email.allow not set)");
    return "on, " + host.get() + ":" + c.apply("smtp.port").orElse(c.apply("smtp.tls").orElse("starttls").equals("tls") ? "465" : "587") + " " + c.apply("smtp.tls").orElse("starttls")
        + ", from " + c.apply("smtp.from").orElse("(smtp.from not set)") + "; " + to;
  }

  String digest() {
    if (c.apply("smtp.host").isEmpty()) {
      return "off (needs SMTP)";
    }
    return c.apply("email.digest-at").map(t -> "daily at " + t).orElse("off (email.digest-at empty)");
  }

  /** A JDBC URL without its password parameter. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
  }
}

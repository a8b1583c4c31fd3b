package io.doorman.ingest.imap;

import io.doorman.ingest.tls.TlsMode;
import io.doorman.ingest.tls.Trust;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the mailbox is and how to treat it. {@link #from} reads CONFIG.md's {@code imap.*} keys;
 * the timings have fixed defaults (tests shorten them).
 *
 * @param idleRenew how long one IDLE may last before it is re-issued (servers cut it at 29-30 min)
 * @param pollInterval how often to look for mail when the server has no IDLE
 * @param backoffFirst the first wait before reconnecting; doubled on each failure up to backoffMax
 * @param retryFailedAfter how long a message the handler could not take stays untouched before the
 *     next try
 * @param tls how the connection is secured ({@code imap.tls}: implicit, starttls or none)
 * @param trust the certificates trusted besides the JVM's ({@code imap.trust})
 * @param timeout how long to wait for the server to connect, greet and answer
 */
public record ImapSettings(
    String host,
    int port,
    TlsMode tls,
    Trust trust,
    Duration timeout,
    String user,
    Auth auth,
    String folder,
    String processedFolder,
    String reviewFolder,
    Mark mark,
    Duration idleRenew,
    Duration pollInterval,
    Duration backoffFirst,
    Duration backoffMax,
    Duration retryFailedAfter) {

  public static final Duration IDLE_RENEW = Duration.ofMinutes(25);
  public static final Duration POLL_INTERVAL = Duration.ofMinutes(1);
  public static final Duration BACKOFF_FIRST = Duration.ofSeconds(1);
  public static final Duration BACKOFF_MAX = Duration.ofSeconds(60);
  public static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(2);
  public static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Trust JVM_TRUST = Trust.of(Optional.empty(), "imap.trust");

  /** What to do with a stored message: move it to the processed folder, or flag it in place. */
  public enum Mark {
    MOVE,
    FLAG
  }

  /** How Doorman logs in. */
  public sealed interface Auth {}

  /** LOGIN / PLAIN with a password. */
  public record Password(String password) implements Auth {
    public Password {
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Password[***]";
    }
  }

  /** SASL XOAUTH2 (Gmail, Microsoft 365) with an access token fetched at each connect. */
  public record OAuth2(TokenSource tokens) implements Auth {
    public OAuth2 {
      Objects.requireNonNull(tokens, "tokens");
    }
  }

  public ImapSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(processedFolder, "processedFolder");
    Objects.requireNonNull(reviewFolder, "reviewFolder");
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(timeout, "timeout");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("imap.port: not a port: " + port);
    }
    if (folder.equals(processedFolder) || folder.equals(reviewFolder)) {
      throw new IllegalArgumentException(
          "imap.folder '" + folder + "' must differ from imap.processed-folder and imap.review-folder");
    }
  }

  /** A plain-text server with a password and the default folders: test servers and benchmarks. */
  public static ImapSettings plain(String host, int port, String user, String password) {
    return new ImapSettings(host, port, TlsMode.NONE, JVM_TRUST, TIMEOUT, user, new Password(password), "INBOX",
        "Doorman/Processed", "Doorman/Review", Mark.MOVE, IDLE_RENEW, POLL_INTERVAL, BACKOFF_FIRST,
        BACKOFF_MAX, RETRY_FAILED_AFTER);
  }

  /**
   * The settings from {@code imap.*} keys; empty when {@code imap.host} is unset (IMAP off).
   *
   * @throws IllegalArgumentException naming the key and the bad value
   */
  public static Optional<ImapSettings> from(Function<String, Optional<String>> config) {
    Optional<String> host = value(config, "imap.host");
    if (host.isEmpty()) {
      return Optional.empty();
    }
    TlsMode tls = value(config, "imap.tls").map(v -> TlsMode.parse("imap.tls", v)).orElse(TlsMode.IMPLICIT);
    tls.checkAllowed("imap", host.get(), bool(config, "imap.tls-insecure", false));
    Trust trust = Trust.of(value(config, "imap.trust").map(Path::of), "imap.trust");
    int port = value(config, "imap.port").map(p -> port("imap.port", p)).orElse(tls == TlsMode.IMPLICIT ? 993 : 143);
    String user = value(config, "imap.user").orElseThrow(
        () -> new IllegalArgumentException("imap.user: required when imap.host is set"));
    Auth auth;
    Optional<String> token = value(config, "imap.oauth-token");
    Optional<String> command = value(config, "imap.oauth-token-command");
    Optional<String> password = value(config, "imap.password");
    if (token.isPresent()) {
      auth = new OAuth2(TokenSource.fixed(token.get()));
    } else if (command.isPresent()) {
      auth = new OAuth2(TokenSource.command(command.get()));
    } else if (password.isPresent()) {
      auth = new Password(password.get());
    } else {
      throw new IllegalArgumentException(
          "imap: set imap.password, imap.oauth-token or imap.oauth-token-command for " + user);
    }
    String markValue = value(config, "imap.mark").orElse("move").toLowerCase(Locale.ROOT);
    Mark mark = switch (markValue) {
      case "move" -> Mark.MOVE;
      case "flag" -> Mark.FLAG;
      default -> throw new IllegalArgumentException("imap.mark: 'move' or 'flag', not '" + markValue + "'");
    };
    return Optional.of(new ImapSettings(host.get(), port, tls, trust, TIMEOUT, user, auth,
        value(config, "imap.folder").orElse("INBOX"),
        value(config, "imap.processed-folder").orElse("Doorman/Processed"),
        value(config, "imap.review-folder").orElse("Doorman/Review"),
        mark, IDLE_RENEW, POLL_INTERVAL, BACKOFF_FIRST, BACKOFF_MAX, RETRY_FAILED_AFTER));
  }

  /** The same mailbox with other timings (tests make them short). */
  public ImapSettings withTimings(
      Duration idleRenew, Duration pollInterval, Duration backoffFirst, Duration backoffMax,
      Duration retryFailedAfter) {
    return new ImapSettings(host, port, tls, trust, timeout, user, auth, folder, processedFolder, reviewFolder, mark,
        idleRenew, pollInterval, backoffFirst, backoffMax, retryFailedAfter);
  }

  /** The same mailbox marking stored mail another way. */
  public ImapSettings withMark(Mark newMark) {
    return new ImapSettings(host, port, tls, trust, timeout, user, auth, folder, processedFolder, reviewFolder, newMark,
        idleRenew, pollInterval, backoffFirst, backoffMax, retryFailedAfter);
  }

  /** The same mailbox with another login. */
  public ImapSettings withAuth(Auth newAuth) {
    return new ImapSettings(host, port, tls, trust, timeout, user, newAuth, folder, processedFolder, reviewFolder, mark,
        idleRenew, pollInterval, backoffFirst, backoffMax, retryFailedAfter);
  }

  /** The same mailbox reached another way (tests: TLS servers with their own certificates). */
  public ImapSettings withTls(TlsMode mode, Optional<Path> trustedPem, Duration newTimeout) {
    return new ImapSettings(host, port, mode, Trust.of(trustedPem, "imap.trust"), newTimeout, user, auth, folder,
        processedFolder, reviewFolder, mark, idleRenew, pollInterval, backoffFirst, backoffMax, retryFailedAfter);
  }

  /** Names the mailbox in logs and leases: {@code user@host:port/folder}. */
  public String mailbox() {
    return user + "@" + host + ":" + port + "/" + folder;
  }

  private static Optional<String> value(Function<String, Optional<String>> config, String key) {
    return config.apply(key).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static boolean bool(Function<String, Optional<String>> config, String key, boolean otherwise) {
    Optional<String> v = value(config, key).map(s -> s.toLowerCase(Locale.ROOT));
    if (v.isEmpty()) {
      return otherwise;
    }
    return switch (v.get()) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(key + ": 'true' or 'false', not '" + v.get() + "'");
    };
  }

  private static int port(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not a port: '" + value + "'");
    }
  }
}

package io.doorman.ingest.tls;

import java.util.Locale;

/** How a mail connection is secured. */
public enum TlsMode {
  /** TLS from the first byte (IMAPS 993, SMTPS 465). */
  IMPLICIT,
  /** Plain first, then STARTTLS, which is required: no login without it (IMAP 143, SMTP 587). */
  STARTTLS,
  /**
   * No TLS required (STARTTLS still used when the server offers it): only on loopback, or with
   * {@code …tls-insecure=true}.
   */
  NONE;

  /**
   * Reads {@code implicit}, {@code starttls} or {@code none} in any case; the older {@code true}
   * (implicit) and {@code false} (no implicit TLS, STARTTLS when offered: {@code none}) still
   * work, as does SMTP's older {@code tls}.
   *
   * @throws IllegalArgumentException naming the key and the value
   */
  public static TlsMode parse(String key, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "implicit", "true", "tls", "ssl", "yes", "on" -> IMPLICIT;
      case "starttls" -> STARTTLS;
      case "none", "plain", "false", "no", "off" -> NONE;
      default -> throw new IllegalArgumentException(
          key + ": 'implicit', 'starttls' or 'none', not '" + value.strip() + "'");
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Refuses {@code none} for a host that is not this machine unless the operator said so.
   *
   * @param prefix the settings' prefix, {@code imap} or {@code smtp}
   */
  public void checkAllowed(String prefix, String host, boolean insecureAllowed) {
    if (this == NONE && !insecureAllowed && !isLoopback(host)) {
      throw new IllegalArgumentException(
          prefix + ".tls=none sends the password in the clear to " + host + "; use 'starttls' or"
              + " 'implicit', or set " + prefix + ".tls-insecure=true if this network is trusted");
    }
  }

  static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
  }
}

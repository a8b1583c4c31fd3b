package io.doorman.email.smtp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where Doorman's mail goes out, and as whom.
 *
 * @param from Doorman's own address; answers come back to its {@code +token} form
 */
public record SmtpSettings(
    String host, int port, Security security, Optional<String> user, Optional<String> password, String from) {

  /** How the connection is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS (required). */
    STARTTLS,
    /** Implicit TLS from the first byte (port 465). */
    TLS,
    /** No protection: test servers and a local relay only. */
    NONE
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(from, "from");
    try {
      new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("smtp.from: not an address: '" + from + "'");
    }
    if (!from.contains("@")) {
      throw new IllegalArgumentException("smtp.from: not an address: '" + from + "'");
    }
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + " " + security + ", user=" + user.orElse("-")
        + ", password=" + (password.isPresent() ? "***" : "-") + ", from=" + from + "]";
  }

  /** The settings from {@code smtp.*} keys; empty when {@code smtp.host} is unset (email off). */
  public static Optional<SmtpSettings> from(Function<String, Optional<String>> config) {
    Optional<String> host = value(config, "smtp.host");
    if (host.isEmpty()) {
      return Optional.empty();
    }
    String tls = value(config, "smtp.tls").orElse("starttls").toLowerCase(Locale.ROOT);
    Security security = switch (tls) {
      case "starttls" -> Security.STARTTLS;
      case "tls" -> Security.TLS;
      case "none" -> Security.NONE;
      default -> throw new IllegalArgumentException("smtp.tls: 'starttls', 'tls' or 'none', not '" + tls + "'");
    };
    int port = value(config, "smtp.port").map(SmtpSettings::port).orElse(security == Security.TLS ? 465 : 587);
    String from = value(config, "smtp.from").orElseThrow(
        () -> new IllegalArgumentException("smtp.from: required when smtp.host is set (e.g. doorman@example.com)"));
    return Optional.of(new SmtpSettings(host.get(), port, security, value(config, "smtp.user"),
        value(config, "smtp.password"), from));
  }

  private static int port(String value) {
    try {
      int p = Integer.parseInt(value);
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("smtp.port: not a port: '" + value + "'");
    }
  }

  private static Optional<String> value(Function<String, Optional<String>> config, String key) {
    return config.apply(key).map(String::strip).filter(s -> !s.isEmpty());
  }
}

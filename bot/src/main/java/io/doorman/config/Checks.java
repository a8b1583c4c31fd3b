package io.doorman.config;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The value checks the catalog uses. */
final class Checks {

  private Checks() {}

  static Setting.Check port() {
    return value -> {
      try {
        int port = Integer.parseInt(value.strip());
        return port >= 0 && port <= 65535
            ? Optional.empty()
            : Optional.of("must be a port number from 0 to 65535");
      } catch (NumberFormatException e) {
        return Optional.of("must be a port number from 0 to 65535");
      }
    };
  }

  static Setting.Check oneOf(String... allowed) {
    List<String> words = List.of(allowed);
    return value ->
        words.contains(value.strip())
            ? Optional.empty()
            : Optional.of("must be one of " + String.join(", ", words));
  }

  /** implicit, starttls or none in any case; the older true and false too. */
  static Setting.Check tls() {
    return value -> {
      try {
        io.doorman.ingest.tls.TlsMode.parse("", value);
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of("'implicit', 'starttls' or 'none', not '" + value + "'");
      }
    };
  }

  static Setting.Check bool() {
    return oneOf("true", "false");
  }

  /** A local time of day as HH:MM, or empty for off. */
  static Setting.Check timeOfDayOrEmpty() {
    return value -> {
      if (value.isBlank()) {
        return Optional.empty();
      }
      try {
        LocalTime.parse(value.strip());
        return Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.of("must be a time of day such as 08:00, or empty for off");
      }
    };
  }

  static Setting.Check webUrl() {
    return value ->
        value.startsWith("http://") || value.startsWith("https://")
            ? Optional.empty()
            : Optional.of("must be an http:// or https:// URL");
  }

  static Setting.Check notBlank() {
    return value -> value.isBlank() ? Optional.of("must not be empty") : Optional.empty();
  }
}

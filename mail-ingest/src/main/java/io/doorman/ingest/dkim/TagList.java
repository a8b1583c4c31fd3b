package io.doorman.ingest.dkim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A DKIM tag list ({@code v=1; a=rsa-sha256; d=example.com; …}), as in RFC 6376 3.2. */
record TagList(Map<String, String> tags) {

  static TagList parse(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        if (!part.isBlank()) {
          throw new IllegalArgumentException("malformed tag '" + part.strip() + "'");
        }
        continue;
      }
      String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip();
      if (tags.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("tag '" + name + "' given twice");
      }
    }
    return new TagList(tags);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(tags.get(name));
  }

  String require(String name) {
    String value = tags.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing tag '" + name + "'");
    }
    return value;
  }

  /** A value with all whitespace removed (b=, bh=, p= may be folded). */
  static String compact(String value) {
    return value.replaceAll("\\s+", "");
  }
}

package io.doorman.ingest.mime;

import java.util.Locale;
import java.util.Optional;

/**
 * A Content-Type value, read leniently: {@code type/subtype} and its parameters, quoted or not,
 * with unterminated quotes tolerated.
 */
record ContentType(String mimeType, Optional<String> boundary, Optional<String> charset) {

  static final ContentType DEFAULT = new ContentType("text/plain", Optional.empty(), Optional.empty());

  static ContentType parse(String value) {
    String[] parts = value.split(";", 2);
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!type.contains("/")) {
      type = "text/plain";
    }
    String params = parts.length > 1 ? parts[1] : "";
    return new ContentType(type, param(params, "boundary"), param(params, "charset"));
  }

  boolean isMultipart() {
    return mimeType.startsWith("multipart/");
  }

  /** One parameter's value: {@code name=value} or {@code name="value"}, case-insensitive name. */
  static Optional<String> param(String params, String name) {
    String lower = params.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int at = lower.indexOf(name, from);
      if (at < 0) {
        return Optional.empty();
      }
      boolean startOk = at == 0 || " ;\t\r\n".indexOf(lower.charAt(at - 1)) >= 0;
      int eq = at + name.length();
      while (eq < lower.length() && (lower.charAt(eq) == ' ' || lower.charAt(eq) == '\t')) {
        eq++;
      }
      if (!startOk || eq >= lower.length() || lower.charAt(eq) != '=') {
        from = at + name.length();
        continue;
      }
      return Optional.of(value(params, eq + 1)).filter(v -> !v.isEmpty());
    }
  }

  private static String value(String params, int start) {
    int i = start;
    while (i < params.length() && Character.isWhitespace(params.charAt(i))) {
      i++;
    }
    if (i < params.length() && params.charAt(i) == '"') {
      int end = params.indexOf('"', i + 1);
      if (end < 0) {
        end = params.indexOf(';', i + 1);
      }
      return params.substring(i + 1, end < 0 ? params.length() : end).strip();
    }
    int end = i;
    while (end < params.length() && params.charAt(end) != ';' && !Character.isWhitespace(params.charAt(end))) {
      end++;
    }
    return params.substring(i, end);
  }
}

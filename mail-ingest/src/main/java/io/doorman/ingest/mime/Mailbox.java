package io.doorman.ingest.mime;

import java.util.Optional;

/**
 * One address of a From or To field: {@code "Jane Doe" <jane@example.com>}, {@code Jane Doe
 * <jane@example.com>}, {@code jane@example.com (Jane Doe)}, a bare address, or a bare name (as
 * forwarded header blocks sometimes show).
 */
public record Mailbox(Optional<String> name, Optional<String> address) {

  /** Reads one mailbox leniently; never throws. */
  public static Mailbox parse(String field) {
    String s = field.strip();
    int lt = s.lastIndexOf('<');
    int gt = s.lastIndexOf('>');
    if (lt >= 0 && gt > lt) {
      return new Mailbox(displayName(s.substring(0, lt)), address(s.substring(lt + 1, gt)));
    }
    int bracket = s.indexOf("[mailto:");
    if (bracket >= 0) {
      int end = s.indexOf(']', bracket);
      String addr = s.substring(bracket + 8, end < 0 ? s.length() : end);
      return new Mailbox(displayName(s.substring(0, bracket)), address(addr));
    }
    int paren = s.indexOf('(');
    if (paren > 0 && s.endsWith(")") && s.substring(0, paren).contains("@")) {
      return new Mailbox(
          displayName(s.substring(paren + 1, s.length() - 1)), address(s.substring(0, paren)));
    }
    if (s.contains("@") && !s.contains(" ")) {
      return new Mailbox(Optional.empty(), address(s));
    }
    return new Mailbox(displayName(s), Optional.empty());
  }

  private static Optional<String> displayName(String raw) {
    String s = raw.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    } else if (s.startsWith("\"")) {
      s = s.substring(1);
    }
    s = s.strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static Optional<String> address(String raw) {
    String s = raw.strip();
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7);
    }
    return s.contains("@") ? Optional.of(s) : Optional.empty();
  }
}

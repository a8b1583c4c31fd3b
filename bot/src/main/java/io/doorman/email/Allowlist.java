package io.doorman.email;

import java.util.List;
import java.util.Locale;

/** {@code email.allow}: addresses ({@code alex@example.com}) and domains ({@code @example.com}). */
final class Allowlist {

  private final List<String> entries;

  Allowlist(List<String> entries) {
    this.entries = entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
  }

  boolean permits(String address) {
    String a = address.strip().toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    if (at <= 0) {
      return false;
    }
    String domain = a.substring(at);
    return entries.stream().anyMatch(e -> e.equals(a) || (e.startsWith("@") && e.equals(domain)));
  }

  /** The single addresses listed (digest recipients); domains name nobody in particular. */
  List<String> addresses() {
    return entries.stream().filter(e -> e.indexOf('@') > 0).toList();
  }
}

package io.doorman.ingest.linkedin;

import java.util.Locale;
import java.util.Optional;

/**
 * A link's parts as LinkedIn's mail uses them: host, path and query parameters, read by hand (no
 * {@link java.net.URI}: links in damaged mail are often not valid URIs, and this runs on every link
 * of every email).
 *
 * @param raw the link as written
 * @param host the host, lower case, without port or user
 * @param path the path, lower case, "" when there is none
 * @param rawPath the path as written (ids in it keep their case)
 * @param query what follows the '?', as written ("" when there is none)
 */
record Url(String raw, String host, String path, String rawPath, String query, int[] params) {

  static Url of(String raw) {
    String s = raw.strip();
    int scheme = s.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int end = s.length();
    int hostEnd = end;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        hostEnd = i;
        break;
      }
    }
    String authority = s.substring(start, hostEnd);
    int at = authority.lastIndexOf('@');
    String host = at < 0 ? authority : authority.substring(at + 1);
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    int q = s.indexOf('?', hostEnd);
    int hash = s.indexOf('#', hostEnd);
    int pathEnd = q >= 0 ? q : hash >= 0 ? hash : end;
    String rawPath = s.substring(hostEnd, Math.max(hostEnd, pathEnd));
    String query = "";
    if (q >= 0) {
      int queryEnd = hash > q ? hash : end;
      query = s.substring(q + 1, queryEnd);
    }
    return new Url(raw, host.toLowerCase(Locale.ROOT), rawPath.toLowerCase(Locale.ROOT), rawPath, query, params(query));
  }

  /** Where each parameter's name starts and its '=' stands, in pairs; read once per link. */
  private static int[] params(String query) {
    int count = 0;
    int[] at = new int[16];
    int from = 0;
    while (from < query.length()) {
      int amp = query.indexOf('&', from);
      int end = amp < 0 ? query.length() : amp;
      int eq = query.indexOf('=', from);
      if (eq > from && eq < end) {
        if (count + 2 > at.length) {
          at = java.util.Arrays.copyOf(at, at.length * 2);
        }
        at[count++] = from;
        at[count++] = eq;
      }
      from = end + 1;
    }
    return java.util.Arrays.copyOf(at, count);
  }

  /** The value of one query parameter (name in any case), percent-decoded, if present. */
  Optional<String> param(String name) {
    int n = name.length();
    for (int i = 0; i < params.length; i += 2) {
      int from = params[i];
      int eq = params[i + 1];
      if (eq - from == n && query.regionMatches(true, from, name, 0, n)) {
        return Optional.of(decode(query.substring(eq + 1, nextSeparator(eq))));
      }
    }
    return Optional.empty();
  }

  /** Whether the query has this parameter (name in any case). */
  boolean has(String name) {
    return param(name).isPresent();
  }

  /** A path segment after the one named, e.g. {@code invitationId} in {@code /invitationId/123/}. */
  Optional<String> segmentAfter(String name) {
    String key = "/" + name.toLowerCase(Locale.ROOT) + "/";
    int at = path.indexOf(key);
    if (at < 0) {
      return Optional.empty();
    }
    int from = at + key.length();
    int to = path.indexOf('/', from);
    String segment = rawPath.substring(from, to < 0 ? path.length() : to);
    return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
  }

  private int nextSeparator(int from) {
    int amp = query.indexOf('&', from);
    return amp < 0 ? query.length() : amp;
  }

  /** Percent-decoding as links carry it; a malformed escape is kept as written. */
  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    byte[] pending = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && hex(s, i + 1) >= 0) {
        pending[n++] = (byte) hex(s, i + 1);
        i += 2;
        continue;
      }
      if (n > 0) {
        out.append(new String(pending, 0, n, java.nio.charset.StandardCharsets.UTF_8));
        n = 0;
      }
      out.append(c == '+' ? ' ' : c);
    }
    if (n > 0) {
      out.append(new String(pending, 0, n, java.nio.charset.StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static int hex(String s, int at) {
    if (at + 1 >= s.length()) {
      return -1;
    }
    int hi = Character.digit(s.charAt(at), 16);
    int lo = Character.digit(s.charAt(at + 1), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }
}

package io.doorman.ingest.authenticity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601): which server wrote it and what its checks
 * found. Anyone can write such a header, so it counts only from a server the operator names
 * ({@code mail.trusted-authserv-id}); see {@link TrustedServers}.
 *
 * @param authservId the server that wrote it, lower case ({@code mx.google.com})
 * @param results each method's result, in order
 */
public record AuthenticationResults(String authservId, List<Result> results) {

  /**
   * One method's result: {@code dkim=pass header.d=linkedin.com}.
   *
   * @param method {@code dkim}, {@code spf}, {@code dmarc}, … lower case
   * @param result {@code pass}, {@code fail}, {@code none}, … lower case
   * @param properties {@code header.d}, {@code header.from}, {@code smtp.mailfrom}, … as written
   */
  public record Result(String method, String result, Map<String, String> properties) {

    public Optional<String> property(String name) {
      return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean passed() {
      return result.equals("pass");
    }

    public boolean failed() {
      return result.equals("fail");
    }
  }

  /** Every {@code Authentication-Results} header among these header fields that can be read. */
  public static List<AuthenticationResults> all(List<String> values) {
    List<AuthenticationResults> out = new ArrayList<>();
    for (String value : values) {
      parse(value).ifPresent(out::add);
    }
    return out;
  }

  /** Reads one header value; empty when it has no server name. */
  public static Optional<AuthenticationResults> parse(String value) {
    String v = withoutComments(value).strip();
    String[] parts = v.split(";");
    String[] id = parts[0].strip().split("\\s+");
    if (id.length == 0 || id[0].isEmpty() || id[0].contains("=")) {
      return Optional.empty();
    }
    List<Result> results = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      result(parts[i]).ifPresent(results::add);
    }
    return Optional.of(new AuthenticationResults(id[0].toLowerCase(Locale.ROOT), List.copyOf(results)));
  }

  /** The results of one method ({@code dkim}); a message may carry several signatures. */
  public List<Result> of(String method) {
    return results.stream().filter(r -> r.method().equals(method)).toList();
  }

  private static Optional<Result> result(String part) {
    String[] tokens = part.strip().split("\\s+");
    if (tokens.length == 0 || !tokens[0].contains("=")) {
      return Optional.empty();
    }
    String[] methodResult = tokens[0].split("=", 2);
    String method = methodResult[0].strip().toLowerCase(Locale.ROOT);
    int slash = method.indexOf('/');
    if (slash >= 0) {
      method = method.substring(0, slash); // "dkim/1=pass": a method version
    }
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 1; i < tokens.length; i++) {
      int eq = tokens[i].indexOf('=');
      if (eq > 0 && tokens[i].substring(0, eq).contains(".")) {
        properties.put(tokens[i].substring(0, eq).toLowerCase(Locale.ROOT), unquote(tokens[i].substring(eq + 1)));
      }
    }
    return Optional.of(new Result(method, methodResult[1].strip().toLowerCase(Locale.ROOT), Map.copyOf(properties)));
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** RFC 5322 comments (parenthesised, nestable) out. */
  private static String withoutComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && depth == 0) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
        continue;
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
        continue;
      } else if (c == '\\' && i + 1 < s.length()) {
        if (depth == 0) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}

package io.doorman.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the console. With a console token, every request must carry it: in the {@code
 * X-Doorman-Token} header, as {@code Authorization: Bearer}, or in the cookie set when the page is
 * first opened with {@code ?token=}. Without one (loopback only), the Host header must name the
 * loopback, so a web page that rebinds its own name to 127.0.0.1 is still refused. POSTs carry a
 * CSRF token drawn at start.
 */
final class ConsoleAccess {

  static final String COOKIE = "doorman_token";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Optional<String> token;
  private final String csrf;

  ConsoleAccess(Optional<String> token) {
    this.token = token;
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.csrf = HexFormat.of().formatHex(random);
  }

  String csrfToken() {
    return csrf;
  }

  boolean csrfMatches(String given) {
    return given != null && same(given, csrf);
  }

  /**
   * Whether the request may go on; if not, the answer (401, 403, or a redirect that drops {@code
   * ?token=} from the address bar after setting the cookie) has been sent.
   */
  boolean admit(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (token.isEmpty()) {
      String host = req.getServerName().toLowerCase(Locale.ROOT);
      if (!LOOPBACK_NAMES.contains(host) && !host.startsWith("127.")) {
        refuse(resp, 403, "This console answers only on localhost.");
        return false;
      }
      return true;
    }
    String fromQuery = "GET".equals(req.getMethod()) ? queryToken(req) : null;
    if (fromQuery != null && same(fromQuery, token.get())) {
      Cookie c = new Cookie(COOKIE, token.get());
      c.setHttpOnly(true);
      c.setPath("/");
      c.setAttribute("SameSite", "Strict");
      resp.addCookie(c);
      resp.setHeader("Cache-Control", "no-store");
      resp.sendRedirect(req.getRequestURI());
      return false;
    }
    if (carried(req).map(t -> same(t, token.get())).orElse(false)) {
      return true;
    }
    refuse(resp, 401, "This console needs its token: open it as /?token=… (the console.token setting).");
    return false;
  }

  private static String queryToken(HttpServletRequest req) {
    String q = req.getQueryString();
    return q == null || !q.contains("token=") ? null : req.getParameter("token");
  }

  private static Optional<String> carried(HttpServletRequest req) {
    String header = req.getHeader("X-Doorman-Token");
    if (header != null) {
      return Optional.of(header.strip());
    }
    String auth = req.getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(auth.substring(7).strip());
    }
    if (req.getCookies() != null) {
      for (Cookie c : req.getCookies()) {
        if (COOKIE.equals(c.getName())) {
          return Optional.of(c.getValue());
        }
      }
    }
    return Optional.empty();
  }

  private static void refuse(HttpServletResponse resp, int status, String why) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/plain; charset=utf-8");
    resp.getWriter().write(why + "\n");
  }

  /** Compared in constant time, so the token can't be guessed a character at a time. */
  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

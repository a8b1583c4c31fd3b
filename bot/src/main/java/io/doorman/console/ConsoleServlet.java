package io.doorman.console;

import io.doorman.decisions.Decisions;
import io.doorman.decisions.Questions;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.lifecycle.State;
import io.doorman.outbox.Outbox;
import io.doorman.store.Cursor;
import io.doorman.store.Invitations;
import io.doorman.store.StoredInvitation;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console at {@code /}: {@code GET /?state=pending} lists a tab, {@code POST /decide} turns a
 * form into a {@link Decisions} request as the console's operator, {@code POST /outbox} retries or
 * dismisses a dead letter; each redirects back to the tab (the outcome shown once, from a cookie).
 */
public final class ConsoleServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(ConsoleServlet.class);
  private static final String FLASH = "doorman_flash";

  private final transient Invitations store;
  private final transient Decisions decisions;
  private final transient TabPage pages;
  private final transient ConsoleAccess access;
  private final String operator;
  private final transient SecureRandom random = new SecureRandom();

  /**
   * @param token the console token; required by the caller when not bound to loopback
   * @param operator the name decisions are recorded under ({@code console.operator})
   */
  /** The outbox's dead letters, and what to do when one is retried (its sender sends again). */
  public record DeadLetters(Outbox outbox, Runnable onRetry) {}

  private final transient DeadLetters dead;

  public ConsoleServlet(Invitations store, Decisions decisions, Questions questions, DeadLetters dead,
      Optional<String> token, String operator) {
    this.store = store;
    this.decisions = decisions;
    this.pages = new TabPage(store, questions, dead.outbox());
    this.dead = dead;
    this.access = new ConsoleAccess(token);
    this.operator = operator;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      if (!access.admit(req, resp)) {
        return;
      }
      String path = req.getRequestURI();
      if (!path.equals("/")) {
        resp.sendError(404);
        return;
      }
      Tab tab = Optional.ofNullable(req.getParameter("state")).flatMap(Tab::bySlug).orElse(Tab.PENDING);
      Optional<String> flash = readFlash(req, resp);
      page(resp, tab, Cursor.parse(req.getParameter("after")).filter(c -> c.state() == tab.state), flash);
    } catch (RuntimeException e) {
      failed(resp, e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      if (!access.admit(req, resp)) {
        return;
      }
      boolean decide = req.getRequestURI().equals("/decide");
      if (!decide && !req.getRequestURI().equals("/outbox")) {
        resp.sendError(404);
        return;
      }
      if (!access.csrfMatches(req.getParameter("csrf"))) {
        resp.setStatus(403);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().write("Refused: this form is out of date or did not come from the console. Reload the page.\n");
        return;
      }
      Tab tab = Optional.ofNullable(req.getParameter("tab")).flatMap(Tab::bySlug).orElse(Tab.PENDING);
      String message = decide ? decide(req) : deadLetter(req);
      setFlash(resp, message);
      resp.setStatus(303);
      resp.setHeader("Location", "/?state=" + tab.slug);
    } catch (RuntimeException e) {
      failed(resp, e);
    }
  }

  /** Retry (pending again, its sender resumed) or dismiss one dead letter. */
  private String deadLetter(HttpServletRequest req) {
    OptionalLong given = id(req);
    if (given.isEmpty()) {
      return "No such dead letter.";
    }
    long id = given.getAsLong();
    if ("retry".equals(req.getParameter("action"))) {
      if (dead.outbox().retry(id)) {
        dead.onRetry().run();
        return "Sending it again.";
      }
    } else if (dead.outbox().dismiss(id)) {
      return "Dismissed; it will not be sent.";
    }
    return "That letter is no longer dead.";
  }

  /** The form's {@code id}, when it is a number. */
  private static OptionalLong id(HttpServletRequest req) {
    try {
      return OptionalLong.of(Long.parseLong(String.valueOf(req.getParameter("id"))));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private String decide(HttpServletRequest req) {
    OptionalLong given = id(req);
    if (given.isEmpty()) {
      return "No such invitation.";
    }
    long id = given.getAsLong();
    String action = String.valueOf(req.getParameter("action"));
    Optional<StoredInvitation> before = store.find(id);
    if (before.isEmpty()) {
      return "No invitation " + id + ".";
    }
    String who = before.get().senderName();
    Optional<Decision> decision = Decision.parse(action);
    if (decision.isEmpty()) {
      return "Unknown action.";
    }
    Outcome outcome = decisions.decide(new Decisions.Request(id, decision.get(),
        Optional.ofNullable(req.getParameter("question")), Actor.console(operator)));
    if (outcome instanceof Outcome.Refused r) {
      String where = name(r.current()) + " (by " + r.by() + " at " + Card.time(r.at()) + ").";
      return r.wanted() == Decision.WAIT
          ? "Not changed: only a follow-up can wait; " + who + " is " + where
          : "Not changed: " + who + " is already " + where;
    }
    if (outcome instanceof Outcome.NotFound) {
      return "No invitation " + id + ".";
    }
    return switch (decision.get()) {
      case ACCEPT -> "Accepted " + who + ". Accept on LinkedIn too (the accept link opened in a new tab).";
      case DECLINE -> "Declined " + who + ". On LinkedIn, use \"Ignore\".";
      case WAIT -> "Waiting again for " + who + " to answer.";
      case ASK -> "Asked " + who + ". Send this on LinkedIn: "
          + store.question(id).map(q -> q.question()).orElse("");
    };
  }

  private void page(HttpServletResponse resp, Tab tab, Optional<Cursor> after, Optional<String> flash)
      throws IOException {
    String nonce = HexFormat.of().formatHex(nonceBytes());
    String html = pages.render(tab, after, flash, access.csrfToken(), nonce);
    resp.setStatus(200);
    resp.setContentType("text/html; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-" + nonce + "'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'");
    resp.getWriter().write(html);
  }

  private byte[] nonceBytes() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return b;
  }

  private static void setFlash(HttpServletResponse resp, String message) {
    // A cookie holds about 4 KB; a long edited question is cut rather than lose the message.
    String shown = message.length() > 1500 ? message.substring(0, 1499) + "…" : message;
    Cookie c = new Cookie(FLASH, URLEncoder.encode(shown, StandardCharsets.UTF_8));
    c.setPath("/");
    c.setHttpOnly(true);
    c.setAttribute("SameSite", "Strict");
    resp.addCookie(c);
  }

  private static Optional<String> readFlash(HttpServletRequest req, HttpServletResponse resp) {
    if (req.getCookies() == null) {
      return Optional.empty();
    }
    for (Cookie c : req.getCookies()) {
      if (FLASH.equals(c.getName())) {
        Cookie gone = new Cookie(FLASH, "");
        gone.setPath("/");
        gone.setMaxAge(0);
        resp.addCookie(gone);
        return Optional.of(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static void failed(HttpServletResponse resp, RuntimeException e) throws IOException {
    log.error("console: request failed", e);
    if (!resp.isCommitted()) {
      resp.reset();
      resp.setStatus(500);
      resp.setContentType("text/plain; charset=utf-8");
      resp.getWriter().write("Something went wrong: " + e.getMessage() + "\n");
    }
  }

  private static String name(State s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

package io.doorman.console;

import io.doorman.decisions.Decisions;
import io.doorman.decisions.Questions;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.lifecycle.State;
import io.doorman.store.InvitationStore;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console at {@code /}: {@code GET /?state=pending} lists a tab, {@code POST /decide} turns a
 * form into a {@link Decisions} request as the console's operator and redirects back to the tab
 * (the outcome shown once, from a cookie).
 */
public final class ConsoleServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(ConsoleServlet.class);
  private static final String FLASH = "doorman_flash";
  /** Cards on one page: enough to work through, few enough to render at once. */
  static final int PAGE = 100;

  private final transient InvitationStore store;
  private final transient Decisions decisions;
  private final transient Questions questions;
  private final transient ConsoleAccess access;
  private final String operator;
  private final transient SecureRandom random = new SecureRandom();

  /**
   * @param token the console token; required by the caller when not bound to loopback
   * @param operator the name decisions are recorded under ({@code console.operator})
   */
  public ConsoleServlet(
      InvitationStore store, Decisions decisions, Questions questions, Optional<String> token, String operator) {
    this.store = store;
    this.decisions = decisions;
    this.questions = questions;
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
      page(resp, tab, flash);
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
      if (!req.getRequestURI().equals("/decide")) {
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
      String message = decide(req);
      setFlash(resp, message);
      resp.setStatus(303);
      resp.setHeader("Location", "/?state=" + tab.slug);
    } catch (RuntimeException e) {
      failed(resp, e);
    }
  }

  private String decide(HttpServletRequest req) {
    long id;
    try {
      id = Long.parseLong(String.valueOf(req.getParameter("id")));
    } catch (NumberFormatException e) {
      return "No such invitation.";
    }
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

  private void page(HttpServletResponse resp, Tab tab, Optional<String> flash) throws IOException {
    Map<State, Integer> counts = store.countsByState();
    List<StoredInvitation> all = store.list(Optional.of(tab.state));
    // Waiting invitations oldest first (the next to decide on top); decided ones newest first.
    List<StoredInvitation> ordered = new ArrayList<>(all);
    if (tab.state.isFinal()) {
      Collections.reverse(ordered);
    }
    List<StoredInvitation> invitations = ordered.subList(0, Math.min(ordered.size(), PAGE));
    String nonce = HexFormat.of().formatHex(nonceBytes());
    StringBuilder out = new StringBuilder(16_384);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Doorman · ").append(tab.title).append("</title><style>").append(STYLE).append("</style></head>\n")
        .append("<body><header><h1>Doorman</h1><nav>");
    for (Tab t : Tab.values()) {
      out.append("<a href=\"/?state=").append(t.slug).append("\" id=\"tab-").append(t.slug).append("\"")
          .append(t == tab ? " class=\"current\" aria-current=\"page\"" : "").append(">").append(t.title)
          .append(" <span class=\"count\">").append(counts.getOrDefault(t.state, 0)).append("</span></a>");
    }
    out.append("</nav></header>\n<main>\n");
    flash.ifPresent(f -> out.append("<p class=\"flash\" role=\"status\">").append(Html.escape(f)).append("</p>\n"));
    out.append("<section id=\"").append(tab.slug).append("\"><h1 class=\"tab-title\">").append(tab.title).append("</h1>\n");
    if (invitations.isEmpty()) {
      out.append("<p class=\"empty\">Nothing here.</p>\n");
    } else if (invitations.size() < all.size()) {
      out.append("<p class=\"more\">Showing ").append(invitations.size()).append(" of ").append(all.size())
          .append(tab.state.isFinal() ? " (the newest); " : " (the oldest); ")
          .append("<code>doorman list --state ").append(tab.state.name().toLowerCase(Locale.ROOT))
          .append("</code> shows them all.</p>\n");
    }
    for (StoredInvitation i : invitations) {
      Card.render(out, i, question(i), store.question(i.id()), store.history(i.id()), store.messages(OptionalLong.of(i.id())),
          access.csrfToken(), tab);
    }
    out.append("</section></main>\n<script nonce=\"").append(nonce).append("\">").append(SCRIPT).append("</script>\n")
        .append("</body></html>\n");
    resp.setStatus(200);
    resp.setContentType("text/html; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-" + nonce + "'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'");
    resp.getWriter().write(out.toString());
  }

  /** The policy's "Have we met?" in the invitation's language, to edit before sending. */
  private String question(StoredInvitation i) {
    return questions.haveWeMet(i);
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

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}"
          + "header{background:#1d3557;color:#fff;padding:.5em 1em}header h1{margin:0 0 .3em;font-size:1.3em}"
          + "nav a{color:#fff;margin-right:1em;text-decoration:none}nav a.current{font-weight:bold;border-bottom:2px solid #fff}"
          + ".count{background:#457b9d;border-radius:1em;padding:0 .5em;font-size:.85em}"
          + "main{padding:1em;max-width:60em}.flash{background:#fff3bf;padding:.6em;border-radius:4px}"
          + ".card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8em 1em;margin:0 0 1em}"
          + ".card h2{margin:0;font-size:1.1em}.id{color:#888;font-weight:normal}.headline{margin:.2em 0;color:#444}"
          + ".facts span{margin-right:1em;color:#555}.warning{background:#ffe3e3;color:#a00;padding:.4em}"
          + ".note{border-left:3px solid #ccc;margin:.5em 0;padding-left:.7em;white-space:pre-wrap}"
          + ".category{background:#e9ecef;padding:0 .4em;border-radius:3px}.reasons{color:#555;font-size:.9em}"
          + ".actions form{display:inline-block;margin:0 .5em .5em 0;vertical-align:top}"
          + ".actions textarea{display:block;margin-bottom:.3em}.state{color:#777;font-size:.85em}";

  /** Accept also opens LinkedIn's accept link; Ask copies the question for pasting into LinkedIn. */
  private static final String SCRIPT =
      "document.querySelectorAll('form.accept').forEach(function(f){f.addEventListener('submit',function(){"
          + "var b=f.querySelector('button[data-accept-url]');if(b){window.open(b.dataset.acceptUrl,'_blank','noopener');}});});"
          + "document.querySelectorAll('form.ask').forEach(function(f){f.addEventListener('submit',function(){"
          + "var t=f.querySelector('textarea');if(t&&navigator.clipboard){navigator.clipboard.writeText(t.value).catch(function(){});}});});";
}

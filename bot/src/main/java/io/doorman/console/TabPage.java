package io.doorman.console;

import io.doorman.decisions.Questions;
import io.doorman.lifecycle.State;
import io.doorman.outbox.Outbox;
import io.doorman.store.Cursor;
import io.doorman.store.Filter;
import io.doorman.store.Invitations;
import io.doorman.store.Page;
import io.doorman.store.StoredInvitation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One tab of the console as HTML: the tabs with their counts, the flash, a page of cards (the
 * longest waiting first, or the latest decided first for accepted and declined) with a link to the
 * next page, the page's style and its one script. Pages are read by keyset (a cursor in {@code
 * ?after=}), never a whole state.
 */
final class TabPage {

  /** Cards on one page: enough to work through, few enough to render at once. */
  static final int PAGE = 100;

  /** Dead letters shown at most; the rest wait their turn. */
  static final int DEAD_SHOWN = 20;

  private final Invitations store;
  private final Questions questions;
  private final Outbox outbox;

  TabPage(Invitations store, Questions questions, Outbox outbox) {
    this.store = store;
    this.questions = questions;
    this.outbox = outbox;
  }

  /** The page's HTML; its script carries {@code nonce}, and its forms {@code csrf}. */
  String render(Tab tab, Optional<Cursor> after, Optional<String> flash, String csrf, String nonce) {
    Map<State, Integer> counts = store.countsByState();
    Invitations.Order order = tab.state.isFinal() ? Invitations.Order.NEWEST_FIRST : Invitations.Order.OLDEST_FIRST;
    Page<StoredInvitation> page = store.page(Filter.inState(tab.state), order, after, PAGE);
    int total = counts.getOrDefault(tab.state, 0);
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
    deadLetters(out, tab, csrf);
    out.append("<section id=\"").append(tab.slug).append("\"><h1 class=\"tab-title\">").append(tab.title).append("</h1>\n");
    if (page.items().isEmpty()) {
      out.append("<p class=\"empty\">Nothing here.</p>\n");
    } else if (page.items().size() < total) {
      out.append("<p class=\"more\">Showing ").append(page.items().size()).append(" of ").append(total)
          .append(after.isPresent() ? " (a later page); " : tab.state.isFinal() ? " (the newest); " : " (the oldest); ")
          .append("<code>doorman list --state ").append(tab.state.name().toLowerCase(Locale.ROOT))
          .append("</code> shows them all.</p>\n");
    }
    for (StoredInvitation i : page.items()) {
      Card.render(out, i, questions.haveWeMet(i), store.question(i.id()), store.history(i.id()), store.answers(i.id()),
          csrf, tab);
    }
    page.next().ifPresent(next -> out.append("<p class=\"next\"><a href=\"/?state=").append(tab.slug)
        .append("&amp;after=").append(Html.escape(next.token())).append("\">Next page</a></p>\n"));
    out.append("</section></main>\n<script nonce=\"").append(nonce).append("\">").append(SCRIPT).append("</script>\n")
        .append("</body></html>\n");
    return out.toString();
  }

  /** What could not be delivered for good, with Retry and Dismiss: shown on every tab while any waits. */
  private void deadLetters(StringBuilder out, Tab tab, String csrf) {
    List<Outbox.DeadLetter> dead = outbox.deadLetters(DEAD_SHOWN);
    if (dead.isEmpty()) {
      return;
    }
    out.append("<section id=\"dead-letters\" class=\"dead\"><h2>Not delivered</h2><ul>\n");
    for (Outbox.DeadLetter d : dead) {
      out.append("<li><code>").append(Html.escape(d.kind())).append("</code> ").append(Html.escape(d.key()))
          .append(": <span class=\"error\">").append(Html.escape(d.error())).append("</span> (")
          .append(Card.time(d.since())).append(", ").append(d.attempts()).append(d.attempts() == 1 ? " try)" : " tries)");
      for (String action : List.of("retry", "dismiss")) {
        out.append(" <form method=\"post\" action=\"/outbox\" class=\"").append(action).append("\">")
            .append("<input type=\"hidden\" name=\"id\" value=\"").append(d.id()).append("\">")
            .append("<input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
            .append("<input type=\"hidden\" name=\"tab\" value=\"").append(tab.slug).append("\">")
            .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(csrf).append("\">")
            .append("<button type=\"submit\">").append(action.equals("retry") ? "Retry" : "Dismiss")
            .append("</button></form>");
      }
      out.append("</li>\n");
    }
    out.append("</ul></section>\n");
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
          + ".actions textarea{display:block;margin-bottom:.3em}.state{color:#777;font-size:.85em}"
          + ".dead{background:#ffe3e3;padding:.4em 1em;border-radius:6px;margin-bottom:1em}.dead form{display:inline}";

  /** Accept also opens LinkedIn's accept link; Ask copies the question for pasting into LinkedIn. */
  private static final String SCRIPT =
      "document.querySelectorAll('form.accept').forEach(function(f){f.addEventListener('submit',function(){"
          + "var b=f.querySelector('button[data-accept-url]');if(b){window.open(b.dataset.acceptUrl,'_blank','noopener');}});});"
          + "document.querySelectorAll('form.ask').forEach(function(f){f.addEventListener('submit',function(){"
          + "var t=f.querySelector('textarea');if(t&&navigator.clipboard){navigator.clipboard.writeText(t.value).catch(function(){});}});});";
}

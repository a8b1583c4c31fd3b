package io.doorman.metrics;

import io.doorman.events.Event;
import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.Decision;
import java.time.Duration;
import java.util.Locale;

/**
 * What Doorman counts. One instance per process, built by the composition root and handed to
 * whoever counts: the intake ({@link #taken}, for every source), sources ({@link #error}), channels ({@link #decided}), the
 * scheduler ({@link #followedUp}), the Slack client ({@link #slackCall}).
 */
public final class DoormanMetrics {

  private final Metrics registry = new Metrics();
  private final Metrics.Counter emailsIngested =
      registry.counter("doorman_emails_ingested_total", "Emails read and stored, from every source.");
  private final Metrics.Counter classified =
      registry.counter("doorman_invitations_classified_total", "New invitations classified, by category.", "category");
  private final Metrics.Counter decisions =
      registry.counter("doorman_decisions_total", "Decisions recorded, by decision and channel.", "decision", "channel");
  private final Metrics.Counter followUps =
      registry.counter("doorman_followups_total", "Invitations moved to follow-up because no answer came.");
  private final Metrics.Counter errors =
      registry.counter("doorman_errors_total", "Errors, by where they happened (inbox, imap, smtp, slack, store, ...).", "source");
  private final Metrics.Counter dead =
      registry.counter("doorman_outbox_dead_total", "Outbound effects parked as dead (failed for good), by kind.", "kind");
  private final Metrics.Counter parseProblems =
      registry.counter("doorman_parse_problems_total",
          "Notifications that could not be read completely and were kept for a look, by problem.", "problem");
  private final Metrics.Summary slackApi =
      registry.summary("doorman_slack_api_seconds", "Slack Web API call latency in seconds, by method.", "method");

  public Metrics registry() {
    return registry;
  }

  /**
   * One event of the stream, once committed: emails stored by every source, new invitations by
   * category, decisions of every channel, follow-ups.
   */
  public void heard(Event event) {
    if (event instanceof Event.EmailStored) {
      emailsIngested.inc();
    } else if (event instanceof Event.InvitationStored s && s.isNew()) {
      classified.inc(s.category());
    } else if (event instanceof Event.Decided d) {
      decided(d.decision(), d.actor().channel());
    } else if (event instanceof Event.FollowUpDue) {
      followedUp(1);
    } else if (event instanceof Event.NeedsALook look) {
      look.problems().forEach(p -> parseProblems.inc(problemLabel(p)));
    }
  }

  /** A problem as a label of few values: without what names one email ("(email_x_01)", a reason). */
  static String problemLabel(String problem) {
    String p = problem;
    int paren = p.indexOf(" (");
    if (paren > 0) {
      p = p.substring(0, paren);
    }
    if (p.startsWith("unreadable: ") || p.startsWith("reader failed: ")) {
      p = p.substring(0, p.indexOf(':'));
    }
    return p.length() > 80 ? p.substring(0, 80) : p;
  }

  public void decided(Decision decision, Channel channel) {
    decisions.inc(decision.name().toLowerCase(Locale.ROOT), channel.wireName());
  }

  public void followedUp(int n) {
    followUps.add(n);
  }

  /** An error at {@code source}: {@code inbox}, {@code imap}, {@code smtp}, {@code slack}, {@code scheduler}, … */
  public void error(String source) {
    errors.inc(source);
  }

  /** An outbound effect of {@code kind} failed for good. */
  public void parked(String kind) {
    dead.inc(kind);
  }

  /** {@code doorman_outbox_pending}: how many effects wait to go out, asked at each scrape. */
  public void countPending(java.util.function.LongSupplier pending) {
    registry.gauge("doorman_outbox_pending", "Outbound effects waiting to be delivered.", pending);
  }

  /** One Slack Web API call took this long. */
  public void slackCall(String method, Duration took) {
    slackApi.observe(took.toNanos() / 1e9, method);
  }
}

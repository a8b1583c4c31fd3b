package io.doorman.email;

import io.doorman.email.smtp.Letter;
import io.doorman.email.smtp.Mailer;
import io.doorman.email.smtp.SmtpException;
import io.doorman.email.token.ReplyTokens;
import io.doorman.decisions.Decisions;
import io.doorman.decisions.Questions;
import io.doorman.events.Event;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.imap.Disposition;
import io.doorman.ingest.mime.Mailbox;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.intake.Stored;
import io.doorman.intake.Taken;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.lifecycle.State;
import io.doorman.mail.MailConversation;
import io.doorman.store.Database;
import io.doorman.store.Filter;
import io.doorman.store.Invitations;
import io.doorman.store.StoredInvitation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email as a channel. As a {@link MailConversation} it replies to whoever forwarded an invitation
 * (only addresses in {@code email.allow}) and turns their one-word answers into {@link Decisions}
 * requests, as the verified address; told of each {@link Event} it nudges them when no answer
 * came; {@link #sendDigestIfDue} sends the daily digest.
 */
public final class EmailConversations implements MailConversation {

  private static final Logger log = LoggerFactory.getLogger(EmailConversations.class);

  private final EmailSettings settings;
  private final Invitations store;
  private final EmailStore emails;
  private final Decisions decisions;
  private final Questions questions;
  private final Clock clock;
  private final Mailer mailer;
  private final ReplyTokens tokens;
  private final Allowlist allow;
  private final Letters letters;
  private final String doorman;

  /** The parts of the application the email channel works with. */
  public record Parts(Database db, Invitations store, Decisions decisions, Questions questions, Clock clock) {}

  public EmailConversations(EmailSettings settings, Parts parts) {
    this.settings = settings;
    this.store = parts.store();
    this.emails = new EmailStore(parts.db());
    this.decisions = parts.decisions();
    this.questions = parts.questions();
    Clock clock = parts.clock();
    this.clock = clock;
    this.mailer = new Mailer(settings.smtp());
    this.tokens = new ReplyTokens(settings.replySecret());
    this.allow = new Allowlist(settings.allow());
    this.doorman = settings.smtp().from().toLowerCase(Locale.ROOT);
    this.letters = new Letters(tokens, settings.smtp().from());
    if (allow.addresses().isEmpty() && settings.allow().stream().noneMatch(e -> e.strip().startsWith("@"))) {
      log.warn("email: email.allow is empty, so nobody gets replies; list addresses or @domains");
    }
  }

  /** From {@code smtp.*} and {@code email.*}; empty when {@code smtp.host} is unset. */
  public static Optional<EmailConversations> fromConfig(Function<String, Optional<String>> config, Parts parts) {
    return EmailSettings.from(config).map(s -> new EmailConversations(s, parts));
  }

  // ------------------------------------------------------------------ answers

  @Override
  public Optional<Disposition> answer(RawMail raw, MimeMail mail) {
    if (!Answer.isAddressedToDoorman(mail, doorman)) {
      return Optional.empty();
    }
    Answer answer = Answer.read(mail, doorman);
    if (answer.automatic()) {
      log.info("{}: an automatic reply to Doorman's email; ignored", raw.source());
      return Optional.of(Disposition.STORED);
    }
    if (answer.from().isEmpty()) {
      return forged(raw, "(no sender)", "no From address");
    }
    String from = answer.from().get();
    OptionalLong id = OptionalLong.empty();
    for (String token : answer.tokens()) {
      id = tokens.verify(token, from);
      if (id.isPresent()) {
        break;
      }
    }
    if (id.isEmpty()) {
      return forged(raw, from, answer.hasTokens() ? "its token does not match this sender and invitation" : "it has no token");
    }
    if (!allow.permits(from)) {
      return forged(raw, from, "the sender is not in email.allow");
    }
    Optional<StoredInvitation> found = store.find(id.getAsLong());
    if (found.isEmpty()) {
      return forged(raw, from, "invitation " + id.getAsLong() + " does not exist");
    }
    StoredInvitation inv = found.get();
    if (answer.said().isEmpty()) {
      trySend(letters.notUnderstood(inv, from));
      return Optional.of(Disposition.STORED);
    }
    String what = apply(inv, answer.said().get(), from);
    log.info("{}: {} answered '{}' for invitation {}: {}", raw.source(), from,
        answer.said().get().decision().word(), inv.id(), what);
    trySend(letters.confirmation(store.find(inv.id()).orElse(inv), from, what));
    return Optional.of(Disposition.STORED);
  }

  private Optional<Disposition> forged(RawMail raw, String from, String why) {
    log.warn("{}: ignored an answer from {}: {}; nothing decided (moved for review)", raw.source(), from, why);
    return Optional.of(Disposition.NOT_LINKEDIN);
  }

  /** The answer as a decision by the verified address; what became of it, for the confirmation. */
  private String apply(StoredInvitation inv, Answer.Said said, String from) {
    Outcome outcome = decisions.decide(new Decisions.Request(inv.id(), said.decision(), said.question(),
        Actor.email(from)));
    if (outcome instanceof Outcome.Applied a) {
      String now = "recorded: now " + a.to().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
      if (said.decision() == Decision.ASK) {
        now += "\n\nSend this on LinkedIn if you haven't yet:\n\n    "
            + store.question(inv.id()).map(q -> q.question()).orElseGet(() -> questions.haveWeMet(inv));
      }
      return now;
    }
    if (outcome instanceof Outcome.Refused r) {
      return "not recorded: " + r.message() + ".";
    }
    return "not recorded: invitation " + inv.id() + " no longer exists.";
  }

  // ------------------------------------------------------------------ replies to forwards

  @Override
  public void stored(MimeMail mail, Taken taken) {
    Optional<String> from = mail.header("From").map(Mailbox::parse).flatMap(Mailbox::address)
        .map(a -> a.strip().toLowerCase(Locale.ROOT));
    if (from.isEmpty() || from.get().equals(doorman)) {
      return;
    }
    if (!allow.permits(from.get())) {
      log.debug("{}: no reply to {}: not in email.allow", taken.source(), from.get());
      return;
    }
    Instant now = clock.instant();
    for (Stored s : taken.stored()) {
      if (s instanceof Stored.InvitationStored is && emails.recordForward(is.invitationId(), from.get(), now)) {
        reply(is.invitationId(), from.get());
      }
    }
  }

  /**
   * Sends the verdicts that could not go out when their forward came (the SMTP server was down);
   * the service loop calls it every few minutes. Answers how many went out now.
   */
  public int resendUnsentReplies() {
    int sent = 0;
    for (EmailStore.Unreplied u : emails.unreplied()) {
      if (allow.permits(u.forwarder()) && reply(u.invitationId(), u.forwarder())) {
        sent++;
      }
    }
    return sent;
  }

  /** The verdict to one forwarder, claimed first so that it goes out once across nodes. */
  private boolean reply(long invitationId, String to) {
    Optional<StoredInvitation> inv = store.find(invitationId);
    if (inv.isEmpty() || !emails.claimReply(invitationId, to, clock.instant())) {
      return false;
    }
    try {
      mailer.send(letters.verdict(inv.get(), to, question(inv.get())));
      return true;
    } catch (SmtpException e) {
      emails.unclaimReply(invitationId, to);
      log.warn("email: {}; the reply will be sent again later", e.getMessage());
      return false;
    }
  }

  // ------------------------------------------------------------------ follow-ups

  /** Told of every event once committed: nudges the forwarders of a follow-up or an auto-decline. */
  public void on(Event event) {
    if (event instanceof Event.FollowUpDue due) {
      store.find(due.invitationId()).ifPresent(inv -> {
        String text = questions.followUp(inv);
        for (String f : forwarders(inv)) {
          trySend(letters.nudge(inv, f, text));
        }
      });
    } else if (event instanceof Event.Decided d && d.automatic() && d.to() == State.DECLINED) {
      store.find(d.invitationId()).ifPresent(inv -> forwarders(inv).forEach(f -> trySend(letters.autoDeclined(inv, f))));
    }
  }

  private List<String> forwarders(StoredInvitation invitation) {
    return emails.forwardersOf(invitation.id()).stream().filter(allow::permits).toList();
  }

  // ------------------------------------------------------------------ digest

  /**
   * Sends the daily digest when it is due: at or after {@code email.digest-at} (in the clock's
   * zone) and not yet sent today by any node. The service loop calls it every minute; answers
   * whether this call sent it.
   */
  public boolean sendDigestIfDue(Instant now) {
    if (settings.digestAt().isEmpty()) {
      return false;
    }
    ZonedDateTime local = now.atZone(clock.getZone());
    if (local.toLocalTime().isBefore(settings.digestAt().get())) {
      return false;
    }
    Set<String> recipients = new LinkedHashSet<>(allow.addresses());
    emails.forwarders().stream().filter(allow::permits).forEach(recipients::add);
    LocalDate day = local.toLocalDate();
    if (recipients.isEmpty() || !emails.claimDigest(day, now)) {
      return false;
    }
    Instant since = now.minus(Duration.ofDays(1));
    Digest digest = new Digest(day, section(Filter.ALL.seenSince(since)), section(Filter.inState(State.ASKED)),
        section(Filter.inState(State.FOLLOW_UP)));
    if (digest.isEmpty()) {
      log.info("email: nothing for the digest of {}", day);
      return true;
    }
    for (String r : recipients) {
      trySend(digest.letterTo(r));
    }
    return true;
  }

  /** How many the digest lists at most per section; it says how many more there are. */
  static final int DIGEST_PAGE = 100;

  private Digest.Section section(Filter filter) {
    return new Digest.Section(store.count(filter),
        store.page(filter, Invitations.Order.OLDEST_FIRST, Optional.empty(), DIGEST_PAGE).items());
  }

  // ------------------------------------------------------------------ helpers

  private String question(StoredInvitation inv) {
    return questions.haveWeMet(inv);
  }

  private void trySend(Letter letter) {
    try {
      mailer.send(letter);
    } catch (SmtpException e) {
      log.warn("email: {}", e.getMessage());
    }
  }
}

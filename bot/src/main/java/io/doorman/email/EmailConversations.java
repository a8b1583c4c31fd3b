package io.doorman.email;

import io.doorman.decisions.Decisions;
import io.doorman.decisions.Questions;
import io.doorman.email.smtp.Mailer;
import io.doorman.email.token.ReplyTokens;
import io.doorman.events.Events;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.imap.Disposition;
import io.doorman.ingest.mime.Mailbox;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.intake.Stored;
import io.doorman.intake.Taken;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.mail.MailConversation;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Sender;
import io.doorman.store.AskedQuestions;
import io.doorman.store.Database;
import io.doorman.store.Invitations;
import io.doorman.store.StoredInvitation;
import io.doorman.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email as a channel. As a {@link MailConversation} it answers whoever forwarded an invitation
 * (only addresses in {@code email.allow}) with the verdict, and turns their one-word answers into
 * {@link Decisions} requests, as the verified address, confirming each; {@link #sendDigestIfDue}
 * enqueues the daily digest. Every letter is an outbox effect ({@link EmailEffects}) written in
 * the transaction of what causes it and sent by {@link #sender()}.
 */
public final class EmailConversations implements MailConversation {

  private static final Logger log = LoggerFactory.getLogger(EmailConversations.class);

  private final EmailSettings settings;
  private final Database db;
  private final Invitations store;
  private final EmailStore emails;
  private final Decisions decisions;
  private final Clock clock;
  private final ReplyTokens tokens;
  private final Allowlist allow;
  private final EmailEffects effects;
  private final EmailSender sender;
  private final String doorman;

  /** The parts of the application the email channel works with. */
  public record Parts(Database db, Invitations store, Decisions decisions, Questions questions, Events events,
      Outbox outbox, Clock clock) {}

  public EmailConversations(EmailSettings settings, Parts parts) {
    this.settings = settings;
    this.db = parts.db();
    this.store = parts.store();
    this.emails = new EmailStore(parts.db());
    this.decisions = parts.decisions();
    this.clock = parts.clock();
    this.tokens = new ReplyTokens(settings.replySecret());
    this.allow = new Allowlist(settings.allow());
    this.doorman = settings.smtp().from().toLowerCase(Locale.ROOT);
    this.effects = new EmailEffects(parts.outbox(), emails, allow);
    this.sender = new EmailSender(parts.store(), parts.questions(), new Letters(tokens, settings.smtp().from()),
        new Mailer(settings.smtp()));
    parts.events().plan(effects); // nudges and auto-declines, in the follow-up's own transaction
    if (allow.addresses().isEmpty() && settings.allow().stream().noneMatch(e -> e.strip().startsWith("@"))) {
      log.warn("email: email.allow is empty, so nobody gets replies; list addresses or @domains");
    }
  }

  /** From {@code smtp.*} and {@code email.*}; empty when {@code smtp.host} is unset. */
  public static Optional<EmailConversations> fromConfig(Function<String, Optional<String>> config, Parts parts) {
    return EmailSettings.from(config).map(s -> new EmailConversations(s, parts));
  }

  /** What delivers this channel's letters from the outbox. */
  public Sender sender() {
    return sender;
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
    // The answering email names its confirmation, so an answer read twice is confirmed once.
    String answerKey = mail.header("Message-ID").map(String::strip).orElse(raw.source() + "#" + inv.id());
    if (answer.said().isEmpty()) {
      db.inTransaction("enqueue a reply to " + from, tx -> {
        effects.notUnderstood(tx, answerKey, inv.id(), from);
        return null;
      });
      return Optional.of(Disposition.STORED);
    }
    Answer.Said said = answer.said().get();
    String[] what = new String[1];
    decisions.decide(new Decisions.Request(inv.id(), said.decision(), said.question(), Actor.email(from)),
        (outcome, tx) -> {
          what[0] = confirmation(tx, inv, said.decision(), outcome);
          effects.confirmation(tx, answerKey, inv.id(), from, what[0]);
        });
    log.info("{}: {} answered '{}' for invitation {}: {}", raw.source(), from, said.decision().word(), inv.id(), what[0]);
    return Optional.of(Disposition.STORED);
  }

  private Optional<Disposition> forged(RawMail raw, String from, String why) {
    log.warn("{}: ignored an answer from {}: {}; nothing decided (moved for review)", raw.source(), from, why);
    return Optional.of(Disposition.NOT_LINKEDIN);
  }

  /** What became of the answer, as the confirmation says it (with the question asked, for an ask). */
  private static String confirmation(Tx tx, StoredInvitation inv, Decision decision, Outcome outcome)
      throws SQLException {
    if (outcome instanceof Outcome.Applied a) {
      String now = "recorded: now " + a.to().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
      if (decision == Decision.ASK) {
        Optional<AskedQuestions.Asked> asked = AskedQuestions.find(tx, inv.id());
        now += "\n\nSend this on LinkedIn if you haven't yet:\n\n    " + asked.map(AskedQuestions.Asked::question).orElse("");
      }
      return now;
    }
    if (outcome instanceof Outcome.Refused r) {
      return "not recorded: " + r.message() + ".";
    }
    return "not recorded: invitation " + inv.id() + " no longer exists.";
  }

  // ------------------------------------------------------------------ replies to forwards

  /** In the email's own transaction: each invitation it stored gets its verdict to the forwarder, once. */
  @Override
  public void stored(MimeMail mail, Taken taken, Tx tx) throws SQLException {
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
      if (s instanceof Stored.InvitationStored is && emails.recordForward(tx, is.invitationId(), from.get(), now)) {
        effects.verdict(tx, is.invitationId(), from.get());
      }
    }
  }

  // ------------------------------------------------------------------ digest

  /**
   * Enqueues the daily digest when it is due: at or after {@code email.digest-at} (in the clock's
   * zone) and not enqueued today by any node (the day and recipient are the effect's key, so the
   * enqueue is the claim). The service loop calls it every minute; answers whether this call
   * enqueued it.
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
    return db.inTransaction("enqueue the digest of " + day, tx -> {
      boolean any = false;
      for (String r : recipients) {
        any |= effects.digest(tx, day, r, now);
      }
      return any;
    });
  }
}

package io.doorman.email;

import io.doorman.decisions.Questions;
import io.doorman.email.smtp.Letter;
import io.doorman.email.smtp.Mailer;
import io.doorman.email.smtp.SmtpException;
import io.doorman.lifecycle.State;
import io.doorman.outbox.Delivery;
import io.doorman.outbox.Result;
import io.doorman.outbox.Sender;
import io.doorman.store.Filter;
import io.doorman.store.Invitations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email's way out of the outbox: writes each letter when it is sent (from the invitation as it
 * stands then) and hands it to SMTP with a Message-ID made from the effect's key, so a letter sent
 * twice after a crash is recognisably the same letter. A 5xx answer is final (dead), refused
 * credentials stop sending, anything else is tried again later.
 */
final class EmailSender implements Sender {

  private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
  /** At most five letters a second: SMTP relays throttle senders who go faster. */
  static final Duration PACE = Duration.ofMillis(200);
  /** How many the digest lists at most per section; it says how many more there are. */
  static final int DIGEST_PAGE = 100;

  private final Invitations store;
  private final Questions questions;
  private final Letters letters;
  private final Mailer mailer;

  EmailSender(Invitations store, Questions questions, Letters letters, Mailer mailer) {
    this.store = store;
    this.questions = questions;
    this.letters = letters;
    this.mailer = mailer;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(EmailEffects.VERDICT, EmailEffects.CONFIRMATION, EmailEffects.NOT_UNDERSTOOD, EmailEffects.NUDGE,
        EmailEffects.DECLINED, EmailEffects.DIGEST);
  }

  @Override
  public Duration pace(String lane) {
    return PACE;
  }

  @Override
  public Result send(Delivery d) {
    String to = d.payload().text("to");
    Optional<Letter> letter;
    if (d.kind().equals(EmailEffects.DIGEST)) {
      letter = digest(LocalDate.parse(d.payload().text("day")), Instant.ofEpochMilli(d.payload().number("asOf")), to);
    } else {
      letter = store.find(d.payload().number("invitation")).map(inv -> switch (d.kind()) {
        case EmailEffects.VERDICT -> letters.verdict(inv, to, questions.haveWeMet(inv));
        case EmailEffects.CONFIRMATION -> letters.confirmation(inv, to, d.payload().text("what"));
        case EmailEffects.NOT_UNDERSTOOD -> letters.notUnderstood(inv, to);
        case EmailEffects.NUDGE -> letters.nudge(inv, to, questions.followUp(inv));
        default -> letters.autoDeclined(inv, to);
      });
    }
    if (letter.isEmpty()) {
      return new Result.Sent(Result.Recording.NOTHING); // nothing to say (an empty digest, a vanished invitation)
    }
    try {
      mailer.send(letter.get(), d.key());
      return new Result.Sent(Result.Recording.NOTHING);
    } catch (SmtpException e) {
      return switch (e.kind()) {
        case PERMANENT -> new Result.Dead(e.getMessage());
        case CREDENTIALS -> new Result.Refused(e.getMessage());
        case TRANSIENT -> new Result.Later(e.getMessage());
      };
    }
  }

  /** The digest of {@code day} as of {@code asOf}; empty when there is nothing to tell. */
  private Optional<Letter> digest(LocalDate day, Instant asOf, String to) {
    Digest digest = new Digest(day, section(Filter.ALL.seenSince(asOf.minus(Duration.ofDays(1)))),
        section(Filter.inState(State.ASKED)), section(Filter.inState(State.FOLLOW_UP)));
    if (digest.isEmpty()) {
      log.info("email: nothing for the digest of {} to {}", day, to);
      return Optional.empty();
    }
    return Optional.of(digest.letterTo(to));
  }

  private Digest.Section section(Filter filter) {
    return new Digest.Section(store.count(filter),
        store.page(filter, Invitations.Order.OLDEST_FIRST, Optional.empty(), DIGEST_PAGE).items());
  }
}

package io.doorman.email;

import io.doorman.decisions.Decisions;
import io.doorman.decisions.FollowUps;
import io.doorman.decisions.Questions;
import io.doorman.events.Events;
import io.doorman.ingest.MailReader;
import io.doorman.lease.Lease;
import io.doorman.outbox.Backoff;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Relay;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.ingest.imap.Sleeper;
import io.doorman.intake.Intake;
import io.doorman.mail.ImapIntake;
import io.doorman.mail.MailRouter;
import io.doorman.mail.Mailboxes;
import io.doorman.mail.gmail.ForwardingConfirmations;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import io.doorman.store.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Doorman wired as `doorman run` wires it, on GreenMail and an H2 file: mail in, email out. */
final class Conversation implements AutoCloseable {

  final Mailboxes mail = new Mailboxes();
  final MutableClock clock;
  final Database db;
  final Invitations store;
  final Policy policy = Policy.defaults();
  final Events events = new Events();
  final Decisions decisions;
  final FollowUps followUps;
  final EmailConversations email;
  final Outbox outbox;
  final Relay relay;
  final MailRouter router;
  final ImapIntake imap;

  Conversation(Path dir) {
    this(dir, Instant.parse("2026-12-01T09:00:00Z"));
  }

  Conversation(Path dir, Instant start) {
    clock = new MutableClock(start);
    db = Database.h2File(dir.resolve("data"));
    store = new Invitations(db);
    Map<String, String> config = new HashMap<>();
    config.put("smtp.host", "127.0.0.1");
    config.put("smtp.port", Integer.toString(mail.smtpPort()));
    config.put("smtp.tls", "none");
    config.put("smtp.from", Mailboxes.DOORMAN);
    config.put("email.allow", Mailboxes.ALICE + ", @team.example");
    config.put("data.dir", dir.resolve("data").toString());
    Questions questions = new Questions(policy);
    decisions = new Decisions(db, questions, events, clock, policy.followUpAfter());
    followUps = new FollowUps(store, decisions, clock, policy.followUpAfter(), Optional.empty());
    outbox = new Outbox(db, clock);
    email = EmailConversations.fromConfig(k -> Optional.ofNullable(config.get(k)),
        new EmailConversations.Parts(db, store, decisions, questions, events, outbox, clock)).orElseThrow();
    relay = new Relay(outbox, new Lease(db, "outbox", "node-a", clock, Relay.LEASE), List.of(email.sender()),
        Backoff.standard(), clock, Relay.Watcher.NONE);
    outbox.onEnqueued(relay::wake);
    relay.start();
    router = new MailRouter(new Intake(new MailReader(), policy, new Ingestion(db, clock), events), new ForwardingConfirmations(clock), email);
    Sleeper quick = d -> Thread.sleep(5);
    imap = new ImapIntake(mail.imapSettings(), router, db, clock, quick, Duration.ofSeconds(60), "node-a");
  }

  /** A decision made on another channel (the console, say). */
  void decide(long id, Decision decision, Actor actor) {
    decisions.decide(new Decisions.Request(id, decision, actor));
  }

  @Override
  public void close() {
    imap.close();
    relay.close();
    mail.close();
    db.close();
  }
}

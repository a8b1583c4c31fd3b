package io.doorman.learning;

import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.engine.Policy;
import io.doorman.decisions.Questions;
import io.doorman.events.Events;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A team's decisions in a store, written for these tests: recruiters with many mutual
 * connections accepted, invitations without a note or mutual connections declined.
 */
public final class Decisions {

  private Decisions() {}

  public static Invitation invitation(int n, String recipient, String headline, String note,
      Integer mutual) {
    Origin origin = new Origin("test-" + n + ".eml", Optional.empty(), Optional.of(recipient),
        Authenticity.LINKEDIN, Optional.empty(), Language.EN);
    return new Invitation(origin, new Person("Sender " + n, Optional.of(headline),
        Optional.empty(), Optional.of("https://www.linkedin.com/in/sender-" + n)),
        mutual == null ? OptionalInt.empty() : OptionalInt.of(mutual),
        Optional.ofNullable(note), Optional.empty(), Optional.of("inv-" + n), false);
  }

  /** Ingests {@code n} invitations for the recipient and decides each; the last id. */
  public static long decide(Database db, int from, int n, String recipient) {
    return decide(db, Clock.systemUTC(), from, n, recipient);
  }

  /** {@link #decide(Database, int, int, String)}, the decisions made at the clock's time. */
  public static long decide(Database db, Clock clock, int from, int n, String recipient) {
    long last = 0;
    for (int i = from; i < from + n; i++) {
      boolean recruiter = i % 2 == 0;
      Invitation inv = recruiter
          ? invitation(i, recipient, "Technical Recruiter at Example", null, 12)
          : invitation(i, recipient, "Engineer at Example", null, null);
      last = ingestAndDecide(db, clock, inv, recruiter ? Decision.ACCEPT : Decision.DECLINE);
    }
    return last;
  }

  /** Stores one invitation and decides it as the console's operator "paul" would; its id. */
  public static long ingestAndDecide(Database db, Invitation inv, Decision decision) {
    return ingestAndDecide(db, Clock.systemUTC(), inv, decision);
  }

  static long ingestAndDecide(Database db, Clock clock, Invitation inv, Decision decision) {
    Policy policy = Policy.defaults();
    long id = new Ingestion(db, clock).ingest(inv, policy.classify(inv)).invitationId();
    new io.doorman.decisions.Decisions(db, new Questions(policy), new Events(), clock, policy.followUpAfter())
        .decide(new io.doorman.decisions.Decisions.Request(id, decision, Actor.console("paul")));
    return id;
  }
}

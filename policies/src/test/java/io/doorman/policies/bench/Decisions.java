package io.doorman.policies.bench;

import io.doorman.policies.Action;
import io.doorman.policies.Invitation;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.learning.Example;
import io.doorman.policies.learning.SeedSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A team's decisions for the benchmarks: realistic invitations, each note given a few words of
 * its own so the vocabulary is as wide as a real team's (tens of thousands of features), decided
 * as the default policy suggests except that recruiters with many mutual connections are
 * accepted; one decision every ten minutes.
 */
final class Decisions {

  private Decisions() {}

  static List<Example> make(int n, long seed) {
    Random rng = new Random(seed);
    Policy policy = Policy.defaults();
    List<Example> out = new ArrayList<>(SeedSet.builtIn());
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    List<Invitation> invitations = RealisticInvitations.make(n, seed);
    for (int i = 0; i < n; i++) {
      Invitation base = invitations.get(i);
      Invitation inv = new Invitation(base.origin(), base.sender(), base.mutualConnections(),
          base.note().map(note -> note + " " + word(rng) + " " + word(rng)), Optional.empty(),
          Optional.empty(), false);
      Action action = base.sender().headline().orElse("").contains("Recruiter")
          && base.mutualConnections().orElse(0) >= 5 ? Action.ACCEPT : policy.classify(inv)
          .action();
      out.add(Example.decision(inv, TeamSignals.NONE, action, start.plus(Duration.ofMinutes(
          10L * i))));
    }
    return out;
  }

  /** One of 30,000 made-up words. */
  private static String word(Random rng) {
    return "w" + Integer.toString(rng.nextInt(30_000), 36);
  }
}

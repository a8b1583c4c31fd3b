package io.doorman.learning;

import io.doorman.policies.Action;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.learning.Example;
import io.doorman.policies.learning.Model;
import io.doorman.policies.learning.SeedSet;
import io.doorman.policies.learning.Trainer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trains a team's model from the store (the built-in seed set, the team's decisions, its
 * corrections) and stores it as the team's next version, active from then on. The examples carry
 * no team signals: what the store knew of the sender at the time is not kept.
 */
public final class Retraining {

  private final LearningStore store;
  private final Trainer trainer;
  private final Clock clock;

  public Retraining(LearningStore store, Trainer.Settings settings, Clock clock) {
    this.store = store;
    this.trainer = new Trainer(settings);
    this.clock = clock;
  }

  /**
   * @param recipients the team's recipients; empty for the model of everyone's decisions
   */
  public Model train(String team, Optional<Set<String>> recipients) {
    List<Example> examples = new ArrayList<>(SeedSet.builtIn());
    for (LearningStore.Decided d : store.decisions(recipients)) {
      examples.add(Example.decision(d.invitation(), TeamSignals.NONE, action(d.decision()),
          d.at()));
    }
    for (LearningStore.Corrected c : store.corrections(recipients)) {
      examples.add(Example.correction(c.invitation(), TeamSignals.NONE, c.category(), c.at()));
    }
    return store.save(trainer.train(team, examples), recipients, clock.instant());
  }

  /** The action a decision's state stands for: ACCEPTED accept, DECLINED decline, ASKED ask. */
  public static Action action(String state) {
    switch (state) {
      case "ACCEPTED":
        return Action.ACCEPT;
      case "DECLINED":
        return Action.DECLINE;
      default:
        return Action.ASK;
    }
  }
}

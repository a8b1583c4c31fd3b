package io.doorman.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's retrain: each team that has a model (one {@code doorman learn} made) gets a new
 * version once its newest one is a day old, learned from the decisions since, and the running
 * policy reads it at once. A team whose newest model was rolled back is left alone until the
 * next {@code doorman learn}. Run on every tick; it does nothing until a model is due.
 */
public final class NightlyRetrain implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(NightlyRetrain.class);
  static final Duration EVERY = Duration.ofDays(1);

  private final LearningStore store;
  private final Retraining retraining;
  private final StoredModels models;
  private final Clock clock;

  public NightlyRetrain(LearningStore store, Retraining retraining, StoredModels models,
      Clock clock) {
    this.store = store;
    this.retraining = retraining;
    this.models = models;
    this.clock = clock;
  }

  @Override
  public void run() {
    models.refresh();
    Instant now = clock.instant();
    boolean any = false;
    for (String team : store.teams()) {
      Optional<LearningStore.Newest> newest = store.newest(team);
      if (newest.isEmpty() || newest.get().retired()
          || newest.get().trainedAt().plus(EVERY).isAfter(now)) {
        continue;
      }
      var model = retraining.train(team, store.recipientsOf(team));
      log.info("learning: retrained {} from {} decisions and {} corrections", model.info().label(),
          model.info().decisions(), model.info().corrections());
      any = true;
    }
    if (any) {
      models.reload();
    }
  }
}

package io.doorman.learning;

import io.doorman.policies.engine.Learning;
import io.doorman.policies.rules.Predictor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The learned models a running policy consults: each team's active model, read from the store
 * when first asked for (the store may still be opening when the policy is built), and again
 * after a retrain, or when {@link #refresh()} sees another version active ({@code doorman learn}
 * or {@code --rollback} from the command line). An invitation gets the model of the team its
 * recipient belongs to, else the model of everyone's decisions, else none.
 */
public final class StoredModels implements Learning {

  private final LearningStore store;
  private final AtomicReference<List<LearningStore.Stored>> models = new AtomicReference<>();

  public StoredModels(LearningStore store) {
    this.store = store;
  }

  /** Reads the active models again (after {@code doorman learn} or a retrain). */
  public void reload() {
    models.set(store.active());
  }

  /** Reads them again if the store's active versions are not the ones held. */
  public void refresh() {
    List<String> held = models().stream().map(m -> m.model().info().label()).toList();
    if (!held.equals(store.activeLabels())) {
      reload();
    }
  }

  public List<LearningStore.Stored> models() {
    List<LearningStore.Stored> m = models.get();
    if (m == null) {
      synchronized (this) {
        m = models.get();
        if (m == null) {
          m = store.active();
          models.set(m);
        }
      }
    }
    return m;
  }

  @Override
  public Optional<Predictor> predictorFor(Optional<String> recipient) {
    String r = recipient.map(x -> x.strip().toLowerCase(Locale.ROOT)).orElse("");
    LearningStore.Stored everyone = null;
    for (LearningStore.Stored s : models()) {
      if (s.recipients().isEmpty()) {
        everyone = everyone == null ? s : everyone;
      } else if (!r.isEmpty() && s.recipients().get().stream()
          .anyMatch(x -> x.strip().toLowerCase(Locale.ROOT).equals(r))) {
        return Optional.of(s.model());
      }
    }
    return everyone == null ? Optional.empty() : Optional.of(everyone.model());
  }
}

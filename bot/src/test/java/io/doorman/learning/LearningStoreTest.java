package io.doorman.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Action;
import io.doorman.policies.Verdict;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.learning.Trainer;
import io.doorman.store.Database;
import io.doorman.store.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models in the store: versioned per team, one active, rollback, the nightly retrain, and a
 * running policy consulting the model of the recipient's team.
 */
class LearningStoreTest {

  @TempDir Path dir;
  private Database db;
  private LearningStore store;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T02:00:00Z"));

  @BeforeEach
  void open() {
    db = Database.h2File(dir);
    store = new LearningStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Retraining retraining() {
    return new Retraining(store, new Trainer.Settings(Duration.ofDays(90), 0.3, 2.0, 0, 30),
        clock);
  }

  @Test
  void theNightlyRetrainComesADayAfterTheNewestModelAndLeavesARolledBackTeamAlone() {
    Decisions.decide(db, clock, 0, 30, "paul@example.com");
    StoredModels models = new StoredModels(store);
    NightlyRetrain nightly = new NightlyRetrain(store, retraining(), models, clock);

    nightly.run();
    assertEquals(List.of(), store.activeLabels(), "no team has asked for a model yet");

    retraining().train("default", Optional.empty()); // doorman learn
    assertEquals(List.of("default v1"), store.activeLabels());
    clock.advance(Duration.ofHours(23));
    nightly.run();
    assertEquals(List.of("default v1"), store.activeLabels());
    clock.advance(Duration.ofHours(2));
    Decisions.decide(db, clock, 30, 10, "paul@example.com");
    nightly.run();
    assertEquals(List.of("default v2"), store.activeLabels());
    assertEquals(40, models.models().get(0).model().info().decisions(), "read again at once");

    assertEquals(Optional.of(new LearningStore.Rolledback("default", 2, 1)),
        store.rollback("default"));
    clock.advance(Duration.ofDays(3));
    nightly.run();
    assertEquals(List.of("default v1"), store.activeLabels(), "a rollback pauses retraining");
    assertEquals("default v1", models.models().get(0).model().info().label());

    retraining().train("default", Optional.empty()); // doorman learn again
    assertEquals(List.of("default v3"), store.activeLabels());
    assertEquals(Optional.empty(), store.rollback("nobody"));
  }

  @Test
  void aRunningPolicyConsultsTheModelOfTheRecipientsTeamAndTheVerdictSaysWhich() {
    Decisions.decide(db, clock, 0, 40, "alice@example.com");
    Decisions.decide(db, clock, 40, 10, "bob@example.com");
    retraining().train("default", Optional.empty());
    retraining().train("team-a", Optional.of(Set.of("Alice@Example.com")));
    assertEquals(40, store.decisions(Optional.of(Set.of("alice@example.com"))).size());

    Policy policy = Policy.defaults().withLearning(new StoredModels(store));
    Verdict alice = policy.classify(Decisions.invitation(900, "alice@example.com",
        "Technical Recruiter at Elsewhere", null, 15));
    Verdict carol = policy.classify(Decisions.invitation(901, "carol@example.com",
        "Technical Recruiter at Elsewhere", null, 15));
    assertEquals(Optional.of("team-a v1"), alice.model());
    assertEquals(Optional.of("default v1"), carol.model());
    assertEquals(Action.ACCEPT, alice.action(), alice.reasons().toString());
    assertTrue(alice.reasons().stream().anyMatch(r -> r.startsWith("action accept: learned from"
        + " 40 decisions (team-a v1, ") && r.endsWith("→ accept (learned-accept)")),
        alice.reasons().toString());
    assertEquals(Action.ASK, Policy.defaults().classify(Decisions.invitation(902,
        "alice@example.com", "Technical Recruiter at Elsewhere", null, 15)).action(),
        "without the model, the default policy asks");
  }

  @Test
  void aCorrectionIsADecisionSignalForLearning() {
    long id = Decisions.decide(db, clock, 0, 2, "paul@example.com");
    assertTrue(store.correct(id, io.doorman.policies.Category.SHARED_INTEREST, "paul", "console",
        clock.instant()));
    assertEquals(false, store.correct(9999, io.doorman.policies.Category.PERSONAL, "paul",
        "console", clock.instant()));
    List<LearningStore.Corrected> corrections = store.corrections(Optional.empty());
    assertEquals(1, corrections.size());
    assertEquals(io.doorman.policies.Category.SHARED_INTEREST, corrections.get(0).category());
    assertEquals(1, retraining().train("default", Optional.empty()).info().corrections());
  }
}

package io.doorman.policies.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Action;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.rules.Facts;
import io.doorman.policies.rules.Prediction;
import io.doorman.policies.rules.Vocabulary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Training is deterministic, stored models predict as before, and newer decisions weigh more. */
class TrainerTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  static Invitation invitation(String headline, String note, Integer mutual) {
    Origin origin = new Origin("t.eml", Optional.empty(), Optional.empty(), Authenticity.LINKEDIN,
        Optional.empty(), Language.EN);
    return new Invitation(origin, new Person("Robin Example", Optional.ofNullable(headline),
        Optional.empty(), Optional.empty()), mutual == null ? OptionalInt.empty()
        : OptionalInt.of(mutual), Optional.ofNullable(note), Optional.empty(), Optional.empty(),
        false);
  }

  static Prediction predict(Model model, Invitation i) {
    return model.predict(Facts.of(i, TeamSignals.NONE, new Vocabulary.Builder().build()));
  }

  private static List<Example> decisions(int n, long seed) {
    List<Example> out = new ArrayList<>(SeedSet.builtIn());
    for (SimulatedInbox.Generated g : SimulatedInbox.generate(n, seed)) {
      out.add(Example.decision(g.invitation(), TeamSignals.NONE, TeamTasteTest.taste(
          g.invitation()), g.at()));
    }
    return out;
  }

  @Test
  void theSameDecisionsInAnyOrderGiveTheSameModelByteForByte() {
    List<Example> examples = decisions(300, 7);
    List<Example> shuffled = new ArrayList<>(examples);
    Collections.shuffle(shuffled, new java.util.Random(1));
    Trainer trainer = new Trainer(Trainer.Settings.defaults());
    byte[] a = trainer.train("default", examples).bytes();
    byte[] b = trainer.train("default", shuffled).bytes();
    assertArrayEquals(a, b);
    List<Example> other = decisions(300, 8);
    assertFalse(java.util.Arrays.equals(a, trainer.train("default", other).bytes()));
  }

  @Test
  void aStoredModelPredictsExactlyAsBefore() {
    Model model = new Trainer(Trainer.Settings.defaults()).train("team-a", decisions(200, 3))
        .withVersion(4);
    Model read = Model.read(model.bytes());
    assertEquals(model.info(), read.info());
    assertEquals("team-a v4", read.info().label());
    Invitation i = invitation("Technical Recruiter at Brightforge", null, 12);
    assertArrayEquals(predict(model, i).actions(), predict(read, i).actions());
    assertArrayEquals(predict(model, i).categories(), predict(read, i).categories());
    assertThrows(IllegalArgumentException.class, () -> Model.read(new byte[] {1, 2, 3}));
  }

  @Test
  void newerDecisionsOutweighOlderOnesThatSayTheOpposite() {
    // the team used to decline "quick call" notes, and since three half-lives accepts them
    List<Example> examples = new ArrayList<>();
    Invitation pitch = invitation("Account Executive at Pipeloom",
        "Could we book a quick call about build times?", 3);
    for (int i = 0; i < 40; i++) {
      examples.add(Example.decision(pitch, TeamSignals.NONE, Action.DECLINE, T0.plus(
          Duration.ofHours(i))));
    }
    for (int i = 0; i < 20; i++) {
      examples.add(Example.decision(pitch, TeamSignals.NONE, Action.ACCEPT, T0.plus(
          Duration.ofDays(270)).plus(Duration.ofHours(i))));
    }
    Model model = new Trainer(Trainer.Settings.defaults()).train("default", examples);
    Prediction p = predict(model, pitch);
    assertTrue(p.action(Action.ACCEPT) > p.action(Action.DECLINE), java.util.Arrays.toString(
        p.actions()));
    // without recency (a half-life of a century) the older majority wins
    Model flat = new Trainer(new Trainer.Settings(Duration.ofDays(36_500), 0.3, 2.0, 0, 30))
        .train("default", examples);
    Prediction q = predict(flat, pitch);
    assertTrue(q.action(Action.DECLINE) > q.action(Action.ACCEPT));
  }

  @Test
  void theReasonNamesTheFeaturesThatWeighedMost() {
    Model model = new Trainer(new Trainer.Settings(Duration.ofDays(90), 0.3, 2.0, 0, 30))
        .train("default", decisions(2000, 11))
        .withVersion(2);
    Prediction p = predict(model, invitation("Technical Recruiter at Brightforge", null, 12));
    assertTrue(p.action(Action.ACCEPT) > 0.9, java.util.Arrays.toString(p.actions()));
    String because = p.because(Prediction.Target.ACTION, Action.ACCEPT.ordinal());
    assertTrue(because.startsWith("learned from 2000 decisions (default v2, "), because);
    assertTrue(because.contains("“recruiter headline, 5-19 mutual connections”")
        || because.contains("“Recruiter in the headline”"), because);
    assertTrue(because.endsWith("→ accept"), because);
  }

  @Test
  void crossValidationReportsAgreementOnlyWithEnoughDecisions() {
    Trainer trainer = new Trainer(Trainer.Settings.defaults());
    assertTrue(Double.isNaN(trainer.train("d", decisions(10, 1)).info().actionAgreement()));
    double agreement = trainer.train("d", decisions(400, 1)).info().actionAgreement();
    assertTrue(agreement > 0.8 && agreement <= 1.0, "agreement " + agreement);
    Model seedsOnly = trainer.train("d", SeedSet.builtIn());
    assertEquals(0, seedsOnly.info().decisions());
    assertEquals(SeedSet.builtIn().size(), seedsOnly.info().seeds());
    Prediction p = predict(seedsOnly, invitation("Engineer", "We met at the Rust meetup last week,"
        + " great chatting with you!", 4));
    assertTrue(p.category(Category.PERSONAL) > 0.5, java.util.Arrays.toString(p.categories()));
  }
}

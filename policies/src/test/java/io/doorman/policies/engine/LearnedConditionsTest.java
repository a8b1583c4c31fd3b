package io.doorman.policies.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.Verdict;
import io.doorman.policies.language.PolicyError;
import io.doorman.policies.language.PolicyException;
import io.doorman.policies.learning.Model;
import io.doorman.policies.learning.SeedSet;
import io.doorman.policies.learning.Trainer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A learned model enters a policy only as a {@code learned} condition or as learned points. */
class LearnedConditionsTest {

  private static final Model SEEDED = new Trainer(new Trainer.Settings(
      java.time.Duration.ofDays(90), 1.0, 2.0, 0, 30)).train("default", SeedSet.builtIn())
      .withVersion(1);
  private static final Invitation MET = Invitations.invitation("Engineer at Kestrel",
      "Hi Paul, we met at the Rust meetup last week and talked about async. Great chatting!");

  private static Policy policy(String rules) throws PolicyException {
    return PolicyLoader.empty().layer("team.yml", "rules:\n" + rules).load();
  }

  private static List<String> errors(String rules) {
    PolicyException e = assertThrows(PolicyException.class, () -> policy(rules));
    return e.errors().stream().map(PolicyError::toString).toList();
  }

  @Test
  void aLearnedConditionHoldsOnlyWithAModelThatIsSureEnough() throws PolicyException {
    Policy p = policy("""
          - id: sure-personal
            description: the model says personal
            if: {learned: {category: personal, atLeast: 0.6}}
            then: {score: {personal: 5}}
        """);
    assertEquals(Category.GENERIC_NOTE, p.classify(MET).category()); // no model: never holds
    Verdict v = p.withLearning(r -> Optional.of(SEEDED)).classify(MET);
    assertEquals(Category.PERSONAL, v.category(), v.reasons().toString());
    assertTrue(v.reasons().get(0).startsWith("personal +5: learned from 0 decisions (default v1, "),
        v.reasons().get(0));
    assertTrue(v.reasons().get(0).endsWith("→ personal (sure-personal)"), v.reasons().get(0));
    assertEquals(Optional.of("default v1"), v.model());
    assertEquals(Optional.empty(), p.classify(MET).model());
  }

  @Test
  void learnedPointsFollowTheModelsProbabilities() throws PolicyException {
    Policy p = policy("""
          - id: learned-points
            description: the model's view, worth up to ten points
            if: {note: present}
            then: {learned: 10}
        """).withLearning(r -> Optional.of(SEEDED));
    Explanation e = p.explain(MET, TeamSignals.NONE);
    assertEquals("personal", e.label());
    int total = e.points().values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(total >= 9 && total <= 11, e.points().toString()); // ten, spread and rounded
    assertTrue(e.fired().get(0).reason().contains("learned from"), e.fired().get(0).reason());
  }

  @Test
  void badLearnedConditionsAreReportedWhereTheyStand() {
    assertEquals(List.of("team.yml:4:30: unknown category 'friend'"), errors("""
          - id: r
            description: d
            if: {learned: {category: friend, atLeast: 0.8}}
            then: {score: {personal: 1}}
        """));
    assertTrue(errors("""
          - id: r
            description: d
            if: {learned: {action: accept, atLeast: 1.5}}
            then: {score: {personal: 1}}
        """).get(0).contains("atLeast must be a probability above 0 and at most 1"));
    assertTrue(errors("""
          - id: r
            description: d
            if: {learned: {category: personal}}
            then: {score: {personal: 1}}
        """).get(0).contains("'learned' needs a category or an action, and atLeast"));
    assertTrue(errors("""
          - id: r
            description: d
            if: {note: present}
            then: {learned: 40}
        """).get(0).contains("learned points must be between 1 and 20"));
  }

  @Test
  void learnedPointsAreForInvitationRulesOnly() {
    PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.empty()
        .layer("team.yml", """
            replyRules:
              - id: r
                description: d
                if: {textHas: [yes]}
                then: {learned: 3}
            """).load());
    assertTrue(e.getMessage().contains("learned points are for invitation rules"), e.getMessage());
  }
}

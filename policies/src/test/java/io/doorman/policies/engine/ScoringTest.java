package io.doorman.policies.engine;

import static io.doorman.policies.engine.Invitations.invitation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Verdict;
import io.doorman.policies.language.PolicyException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Points, tie order, forced outcomes, fallbacks and reason lines. */
class ScoringTest {

  private static Policy policy(String rules) throws PolicyException {
    return PolicyLoader.empty().layer("t.yml", "rules:\n" + rules).load();
  }

  private static String rule(String id, String condition, String then) {
    return "  - id: " + id + "\n    description: " + id + "\n    if: " + condition
        + "\n    then: " + then + "\n";
  }

  @Test
  void mostPointsWin() throws PolicyException {
    Policy p = policy(rule("a", "{note: present}", "{score: {personal: 2, lion: 1}}")
        + rule("b", "{noteHas: [hello]}", "{score: {lion: 2}}"));
    assertEquals(Category.LION, p.classify(invitation("x", "hello")).category());
    assertEquals(Category.PERSONAL, p.classify(invitation("x", "bye")).category());
  }

  @Test
  void tiesGoToTheCategoryFirstInContractOrder() throws PolicyException {
    Category[] order = Category.values();
    for (int i = 0; i + 1 < order.length; i++) {
      Policy p = policy(rule("later", "{note: present}",
              "{score: {" + order[i + 1].wireName() + ": 3}}")
          + rule("earlier", "{note: present}", "{score: {" + order[i].wireName() + ": 3}}"));
      assertEquals(order[i], p.classify(invitation("x", "hi")).category(), order[i] + " first");
    }
  }

  @Test
  void forcedCategoryBeatsPointsAndForcedActionReplacesTheMapping() throws PolicyException {
    Policy p = policy(rule("many", "{note: present}", "{score: {personal: 50}}")
        + rule("force", "{noteHas: [scam]}", "{category: suspicious}")
        + rule("act", "{noteHas: [review]}", "{action: review}"));
    assertEquals(Category.SUSPICIOUS, p.classify(invitation("x", "scam")).category());
    Verdict v = p.classify(invitation("x", "please review"));
    assertEquals(Category.PERSONAL, v.category());
    assertEquals(Action.REVIEW, v.action());
  }

  @Test
  void withoutPositivePointsANoteIsGenericAndNoNoteIsNoNote() throws PolicyException {
    Policy p = policy(rule("neg", "{note: present}", "{score: {personal: -2}}"));
    assertEquals(Category.GENERIC_NOTE, p.classify(invitation("x", "hi")).category());
    assertEquals(Category.NO_NOTE, p.classify(invitation("x", null)).category());
    assertEquals(Action.ASK, p.classify(invitation("x", null)).action());
    assertEquals(List.of("personal -2: has a note (neg)",
            "generic-note: no rule scored above zero (fallback)"),
        p.classify(invitation("x", "hi")).reasons());
  }

  @Test
  void eachFiredRuleBecomesAReasonQuotingWhatMatched() throws PolicyException {
    Policy p = policy(rule("pitch-call", "{noteHas: ['book a # minute call']}",
        "{score: {sales-pitch: 3}}") + rule("quiet", "{note: absent}", "{score: {no-note: 1}}"));
    Verdict v = p.classify(invitation("x", "Hi! Book a 15-minute call with me."));
    assertEquals(List.of("sales-pitch +3: 'Book a 15-minute call' in note (pitch-call)"),
        v.reasons());
  }

  @Test
  void explanationListsPointsOfEveryCategoryInTieOrder() throws PolicyException {
    Policy p = policy(rule("a", "{note: present}", "{score: {personal: 2, sales-pitch: -1}}"));
    Explanation e = p.explain(invitation("x", "hi"), io.doorman.policies.TeamSignals.NONE);
    assertEquals("personal", e.label());
    assertEquals(List.of("suspicious", "sales-pitch", "lion", "mutual-intro", "personal",
        "shared-interest", "generic-note", "no-note"), List.copyOf(e.points().keySet()));
    assertEquals(-1, e.points().get("sales-pitch"));
    assertEquals("a", e.fired().get(0).ruleId());
  }
}

package io.doorman.policies.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.TeamSignals;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shadow mode's numbers, against a case small enough to work out by hand. */
class EvaluationTest {

  private static Evaluation.Case labelled(String id, String note, Category category,
      Action action) {
    return new Evaluation.Case(id, Invitations.invitation("Engineer", note), TeamSignals.NONE,
        Optional.ofNullable(category), Optional.ofNullable(action));
  }

  @Test
  void agreementConfusionMisfiresAndDisagreementsAsWorkedOutByHand() throws Exception {
    Policy policy = PolicyLoader.empty().layer("team.yml", """
        rules:
          - {id: pitchy, description: a demo, if: {noteHas: [demo]}, then: {score: {sales-pitch: 4}}}
          - {id: met, description: met, if: {noteHas: [we met]}, then: {score: {personal: 4}}}
        """).load();
    List<Evaluation.Case> cases = List.of(
        labelled("c1", "We met at KubeCon", Category.PERSONAL, Action.ACCEPT), // right
        labelled("c2", "Free demo!", Category.SALES_PITCH, Action.DECLINE), // right
        // a tie at 4: "we met" is the stronger evidence, so personal / accept: both wrong
        labelled("c3", "Demo night: we met there", Category.SALES_PITCH, Action.DECLINE),
        labelled("c4", "Hello", Category.GENERIC_NOTE, Action.ASK), // fallback: right
        labelled("c5", "Hello there", Category.PERSONAL, Action.ACCEPT), // fallback: both wrong
        labelled("c6", "A demo for you", Category.GENERIC_NOTE, null)); // sales-pitch: wrong

    Evaluation.Report r = Evaluation.run(policy, cases);

    assertEquals(6, r.cases());
    assertEquals(3, r.categoryRight());
    assertEquals(6, r.categoryTotal());
    assertEquals(0.5, r.categoryAgreement());
    assertEquals(3, r.actionRight());
    assertEquals(5, r.actionTotal());
    assertEquals(0.6, r.actionAgreement(), 1e-9);

    int[][] categories = new int[8][8];
    categories[Category.PERSONAL.ordinal()][Category.PERSONAL.ordinal()] = 1; // c1
    categories[Category.SALES_PITCH.ordinal()][Category.SALES_PITCH.ordinal()] = 1; // c2
    categories[Category.SALES_PITCH.ordinal()][Category.PERSONAL.ordinal()] = 1; // c3
    categories[Category.GENERIC_NOTE.ordinal()][Category.GENERIC_NOTE.ordinal()] = 1; // c4
    categories[Category.PERSONAL.ordinal()][Category.GENERIC_NOTE.ordinal()] = 1; // c5
    categories[Category.GENERIC_NOTE.ordinal()][Category.SALES_PITCH.ordinal()] = 1; // c6
    for (int i = 0; i < 8; i++) {
      assertArrayEquals(categories[i], r.categories()[i], "row " + Category.values()[i]);
    }
    int[][] actions = new int[4][4];
    actions[Action.ACCEPT.ordinal()][Action.ACCEPT.ordinal()] = 1; // c1
    actions[Action.DECLINE.ordinal()][Action.DECLINE.ordinal()] = 1; // c2
    actions[Action.DECLINE.ordinal()][Action.ACCEPT.ordinal()] = 1; // c3
    actions[Action.ASK.ordinal()][Action.ASK.ordinal()] = 1; // c4
    actions[Action.ACCEPT.ordinal()][Action.ASK.ordinal()] = 1; // c5
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(actions[i], r.actions()[i], "row " + Action.values()[i]);
    }

    // c3's personal came from 'met', c6's sales-pitch from 'pitchy'; c5 fell back, no rule
    assertEquals(List.of(new Evaluation.Misfire("met", 1), new Evaluation.Misfire("pitchy", 1)),
        r.misfires());
    // most confident first: c6 by 4 points; c3 (4 to 4) and c5 (0 to 0) by 0, in input order
    assertEquals(List.of("c6", "c3", "c5"),
        r.disagreements().stream().map(Evaluation.Disagreement::id).toList());
    assertEquals(4, r.disagreements().get(0).margin());
    assertEquals(Category.SALES_PITCH, r.disagreements().get(0).category());
  }
}

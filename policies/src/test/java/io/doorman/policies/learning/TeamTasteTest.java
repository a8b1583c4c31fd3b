package io.doorman.policies.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Action;
import io.doorman.policies.Invitation;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.engine.Learning;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.rules.FoldedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A simulated team whose taste differs from the default policy: it accepts every recruiter with
 * five or more mutual connections, and declines every invitation without a note and without
 * mutual connections; the rest it decides as the default policy suggests. It decides the first
 * 2,000 of 3,000 invitations; the model learned from those, in the default policy, then meets
 * the last 1,000.
 */
class TeamTasteTest {

  static Action taste(Invitation i) {
    String headline = FoldedText.fold(i.sender().headline().orElse(""));
    boolean recruiter = headline.contains("recruit") || headline.contains("talent acquisition")
        || headline.contains("recrutement") || headline.contains("reclut");
    int mutual = i.mutualConnections().orElse(0);
    if (recruiter && mutual >= 5) {
      return Action.ACCEPT;
    }
    if (i.note().isEmpty() && mutual == 0) {
      return Action.DECLINE;
    }
    return Policy.defaults().classify(i).action();
  }

  static boolean touched(Invitation i) {
    return taste(i) != Policy.defaults().classify(i).action();
  }

  @Test
  void agreementWithTheTeamRisesToAtLeast092AndUntouchedInvitationsStayAsTheyWere() {
    List<SimulatedInbox.Generated> inbox = SimulatedInbox.generate(3000, 20260105L);
    List<Example> decided = new ArrayList<>(SeedSet.builtIn());
    for (SimulatedInbox.Generated g : inbox.subList(0, 2000)) {
      decided.add(Example.decision(g.invitation(), TeamSignals.NONE, taste(g.invitation()),
          g.at()));
    }
    Model model = new Trainer(Trainer.Settings.defaults()).train("default", decided)
        .withVersion(1);
    Policy learned = Policy.defaults().withLearning(r -> Optional.of(model));
    Policy plain = Policy.defaults().withLearning(Learning.NONE);

    int n = 0;
    int plainRight = 0;
    int learnedRight = 0;
    int untouched = 0;
    int plainUntouchedRight = 0;
    int learnedUntouchedRight = 0;
    for (SimulatedInbox.Generated g : inbox.subList(2000, 3000)) {
      Action want = taste(g.invitation());
      boolean p = plain.classify(g.invitation()).action() == want;
      boolean l = learned.classify(g.invitation()).action() == want;
      n++;
      plainRight += p ? 1 : 0;
      learnedRight += l ? 1 : 0;
      if (!touched(g.invitation())) {
        untouched++;
        plainUntouchedRight += p ? 1 : 0;
        learnedUntouchedRight += l ? 1 : 0;
      }
    }
    double plainAgreement = plainRight / (double) n;
    double learnedAgreement = learnedRight / (double) n;
    double plainUntouched = plainUntouchedRight / (double) untouched;
    double learnedUntouched = learnedUntouchedRight / (double) untouched;
    String figures = String.format("default policy %.3f, with the learned model %.3f; untouched"
        + " (%d): %.3f and %.3f; cross-validated agreement of the model %.3f", plainAgreement,
        learnedAgreement, untouched, plainUntouched, learnedUntouched,
        model.info().actionAgreement());
    System.out.println("TeamTasteTest: " + figures);
    assertTrue(plainAgreement < 0.92, figures); // the taste does differ
    assertTrue(learnedAgreement >= 0.92, figures);
    assertTrue(learnedUntouched >= plainUntouched - 0.01, figures);
  }
}

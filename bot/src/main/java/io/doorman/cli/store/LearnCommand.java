package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.learning.LearningStore;
import io.doorman.learning.Retraining;
import io.doorman.policies.learning.Model;
import io.doorman.policies.learning.Trainer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code doorman learn [--team NAME] [--recipients LIST] [--rollback]}. */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the team's model from the decisions and \"wrong category\" corrections in the store"
          + " (and Doorman's seed set), stores it as the team's next version and makes it active;"
          + " prints its cross-validated agreement with past decisions.",
      "With --rollback, retires the active model and makes the one before it active again.",
      "The default policy consults the active model through its learned-* rules; doorman run"
          + " picks a new one up within a minute and retrains daily."
    })
public final class LearnCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--team", paramLabel = "NAME", defaultValue = "default",
      description = "Whose model (default: default, everyone's decisions).")
  String team;

  @Option(names = "--recipients", paramLabel = "LIST", split = ",",
      description = "Learn only from invitations for these recipients (names or addresses):"
          + " a team of the Slack routing, say. Remembered with the model.")
  String[] recipients;

  @Option(names = "--rollback", description = "Go back to the team's previous model.")
  boolean rollback;

  @Option(names = "--half-life", paramLabel = "DAYS", defaultValue = "90",
      description = "How fast old decisions fade: half the weight per DAYS (default 90).")
  int halfLifeDays;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (halfLifeDays < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--half-life must be at least 1");
    }
    try (StoreOptions.Opened opened = storeOptions.open()) {
      LearningStore store = new LearningStore(opened.database());
      if (rollback) {
        Optional<LearningStore.Rolledback> r = store.rollback(team);
        if (r.isEmpty()) {
          spec.commandLine().getErr().println("doorman: " + team
              + ": no earlier model to go back to");
          return 1;
        }
        out.println(team + ": v" + r.get().retired() + " retired, v" + r.get().active()
            + " active again (the nightly retrain leaves " + team + " alone until the next"
            + " doorman learn)");
        return 0;
      }
      Optional<Set<String>> who = recipients == null ? store.recipientsOf(team)
          : Optional.of(Arrays.stream(recipients).map(String::strip)
              .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
      Trainer.Settings defaults = Trainer.Settings.defaults();
      Trainer.Settings settings = new Trainer.Settings(Duration.ofDays(halfLifeDays),
          defaults.seedWeight(), defaults.correctionWeight(), defaults.folds(),
          defaults.minimumToValidate());
      long start = System.nanoTime();
      Model model = new Retraining(store, settings, Clock.systemUTC()).train(team, who);
      double seconds = (System.nanoTime() - start) / 1e9;
      Model.Info i = model.info();
      out.printf(Locale.ROOT, "learned %s from %d decisions, %d corrections and %d seed"
          + " invitations in %.1f s (%d features)%n", i.label(), i.decisions(), i.corrections(),
          i.seeds(), seconds, model.features());
      out.println("cross-validated agreement with past decisions: "
          + agreement(i.actionAgreement(), "decisions") + "; with corrections: "
          + agreement(i.categoryAgreement(), "corrections"));
      who.ifPresent(r -> out.println("for invitations to: " + String.join(", ",
          new java.util.TreeSet<>(r))));
      return 0;
    }
  }

  private static String agreement(double a, String what) {
    return Double.isNaN(a) ? "too few " + what + " to tell"
        : String.format(Locale.ROOT, "%.3f", a);
  }
}

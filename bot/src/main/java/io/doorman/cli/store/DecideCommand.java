package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doorman decide ID accept|decline|ask [--by WHO]}. */
@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    description = {
      "Records a decision on an invitation: accept, decline or ask (\"Have we met?\").",
      "Doorman never acts on LinkedIn itself: accept there with the invitation's accept link."
    })
public final class DecideCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "ID", description = "The invitation's id.")
  long id;

  @Parameters(index = "1", paramLabel = "DECISION", description = "accept, decline or ask.")
  String decision;

  @Option(names = "--by", paramLabel = "WHO", description = "Who decides (default: your user name).")
  String by = System.getProperty("user.name", "console");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Decision d =
        Decision.parse(decision)
            .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "DECISION must be accept, decline or ask, not '" + decision + "'"));
    Outcome outcome;
    try (StoreOptions.Opened opened = storeOptions.open()) {
      outcome = opened.store().decide(id, d, Actor.console(by));
    }
    if (outcome instanceof Outcome.Applied a) {
      spec.commandLine().getOut().println(
          "invitation " + id + ": " + a.from().name().toLowerCase(Locale.ROOT) + " -> " + a.to().name().toLowerCase(Locale.ROOT));
      return 0;
    }
    String message =
        outcome instanceof Outcome.Refused r ? r.message() : "no invitation " + id;
    spec.commandLine().getErr().println("doorman: " + message);
    return 1;
  }
}

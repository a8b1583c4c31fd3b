package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.cli.policy.PolicyFiles;
import io.doorman.decisions.Decisions;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.policies.engine.Policy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doorman decide ID accept|decline|ask|wait [--question TEXT] [--by WHO]}. */
@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    description = {
      "Records a decision on an invitation: accept, decline, ask (\"Have we met?\") or wait (a follow-up waits again).",
      "Doorman never acts on LinkedIn itself: accept there with the invitation's accept link."
    })
public final class DecideCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "ID", description = "The invitation's id.")
  long id;

  @Parameters(index = "1", paramLabel = "DECISION", description = "accept, decline, ask or wait.")
  String decision;

  @Option(names = "--question", paramLabel = "TEXT",
      description = "With ask: the question as you sent it (default: the policy's, in the invitation's language).")
  String question;

  @Option(names = "--by", paramLabel = "WHO",
      description = "Who decides (default: $DOORMAN_CONSOLE_OPERATOR, else your user name).")
  String by;

  @Option(names = "--policy", paramLabel = "FILE", description = "A policy file layered on the default policy.")
  Path policyFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Decision d =
        Decision.parse(decision)
            .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "DECISION must be accept, decline, ask or wait, not '" + decision + "'"));
    Optional<Policy> policy = PolicyFiles.loadOrReport(Optional.ofNullable(policyFile), spec.commandLine().getErr());
    if (policy.isEmpty()) {
      return 1;
    }
    Outcome outcome;
    try (StoreOptions.Opened opened = storeOptions.open()) {
      outcome = opened.decisions(policy.get())
          .decide(new Decisions.Request(id, d, Optional.ofNullable(question), Actor.cli(who())));
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

  /** {@code --by}, else the console's operator as configured, else the machine's user. */
  private String who() {
    if (by != null && !by.isBlank()) {
      return by.strip();
    }
    String operator = System.getenv("DOORMAN_CONSOLE_OPERATOR");
    if (operator != null && !operator.isBlank()) {
      return operator.strip();
    }
    return System.getProperty("user.name", "console");
  }
}

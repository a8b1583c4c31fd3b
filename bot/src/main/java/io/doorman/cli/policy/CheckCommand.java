package io.doorman.cli.policy;

import io.doorman.policies.language.PolicyError;
import io.doorman.policies.language.PolicyException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code doorman policy check FILE}: every problem as {@code file:line:column: message}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a policy file layered on the default policy: keys, types, regular expressions,"
          + " rule ids in overrides.",
      "Prints each problem as file:line:column: message. Exit status: 0 valid, 1 problems found."
    })
final class CheckCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (YAML).")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try {
      PolicyFiles.load(Optional.of(file));
      spec.commandLine().getOut().println(file + ": ok");
      return 0;
    } catch (PolicyException e) {
      for (PolicyError error : e.errors()) {
        spec.commandLine().getErr().println("doorman: " + error);
      }
      return 1;
    }
  }
}

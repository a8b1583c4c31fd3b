package io.doorman.cli.policy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doorman policy ...}: work with policy files. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Check a policy file, explain how a policy classifies emails, or evaluate it"
        + " against labelled emails or the store's decisions (shadow mode).",
    subcommands = {CheckCommand.class, ExplainCommand.class, EvaluateCommand.class})
public final class PolicyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: check, explain or evaluate");
  }
}

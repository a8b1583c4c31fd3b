package io.doorman.cli.policy;

import io.doorman.cli.EmailInputs;
import io.doorman.ingest.MailReader;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.engine.Explanation;
import io.doorman.policies.engine.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doorman policy explain [--policy FILE] EMAIL...}: every rule that fired, with points. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Prints each invitation (and each answer to \"Have we met?\") in the emails with its"
          + " category, action, the points of every category and every rule that fired.",
      "Exit status: 0 every input read, 1 a bad policy or some input unreadable."
    })
final class ExplainCommand implements Callable<Integer> {

  @Option(names = "--policy", paramLabel = "FILE",
      description = "A policy file layered on the default policy.")
  Path policyFile;

  @Parameters(arity = "1..*", paramLabel = "EMAIL",
      description = "Emails: .eml files, directories, mbox files, or - for standard input.")
  List<String> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Policy> loaded = PolicyFiles.loadOrReport(Optional.ofNullable(policyFile), err);
    if (loaded.isEmpty()) {
      return 1;
    }
    Policy policy = loaded.get();
    int problems =
        EmailInputs.read(
            paths, new MailReader(), err, (mail, notifications) -> notifications.forEach(n -> print(out, n, policy)));
    out.flush();
    return problems == 0 ? 0 : 1;
  }

  private static void print(PrintWriter out, Notification n, Policy policy) {
    if (n instanceof Invitation i) {
      out.println(n.origin().source() + ": invitation from " + i.sender().name()
          + i.sender().headline().map(h -> " (" + h + ")").orElse(""));
      print(out, "category", policy.explain(i, TeamSignals.NONE));
    } else if (n instanceof Message m) {
      out.println(n.origin().source() + ": message from " + m.sender().name());
      print(out, "reply class", policy.explainReply(m));
    } else {
      out.println(n.origin().source() + ": " + n.kind().wireName() + " (nothing to classify)");
    }
  }

  private static void print(PrintWriter out, String what, Explanation e) {
    out.println("  " + what + " " + e.label() + ", action " + e.action().wireName());
    StringBuilder points = new StringBuilder();
    for (Map.Entry<String, Integer> p : e.points().entrySet()) {
      if (p.getValue() != 0) {
        points.append(points.length() == 0 ? "" : ", ").append(p.getKey()).append(' ')
            .append(p.getValue());
      }
    }
    out.println("  points: " + (points.length() == 0 ? "none" : points));
    if (e.fired().isEmpty()) {
      out.println("  no rule fired");
    }
    for (Explanation.FiredRule f : e.fired()) {
      out.println("  - " + f.reason() + " -- " + f.description());
    }
  }
}

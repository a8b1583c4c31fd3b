package io.doorman.cli.policy;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.engine.Explanation;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.language.PolicyError;
import io.doorman.policies.language.PolicyException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
    Policy policy;
    try {
      policy = PolicyFiles.load(Optional.ofNullable(policyFile));
    } catch (PolicyException e) {
      e.errors().stream().map(PolicyError::toString).forEach(m -> err.println("doorman: " + m));
      return 1;
    }
    MailReader reader = new MailReader();
    int problems = 0;
    for (String path : paths) {
      try (Stream<SourceEntry> entries = MailSources.open(path, System.in)) {
        for (SourceEntry entry : (Iterable<SourceEntry>) entries::iterator) {
          if (entry instanceof SourceEntry.Problem p) {
            err.println("doorman: " + p.source() + ": " + p.reason());
            problems++;
            continue;
          }
          try {
            for (Notification n : reader.read(((SourceEntry.Mail) entry).mail())) {
              print(out, n, policy);
            }
          } catch (UnreadableMailException e) {
            err.println("doorman: " + e.getMessage());
            problems++;
          }
        }
      }
      out.flush();
    }
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

package io.doorman.cli.classify;

import io.doorman.cli.Verbosity;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import io.doorman.cli.policy.PolicyFiles;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.language.PolicyError;
import io.doorman.policies.language.PolicyException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doorman classify [--policy FILE] [--json] PATH...}: every notification in the inputs, with its verdict. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Reads LinkedIn notification emails and prints each notification with its verdict.",
      "PATH is an .eml file, a directory (recursive; Maildir cur/ and new/ included), an mbox, or - for standard input.",
      "Exit status: 0 every input read, 1 some input unreadable (named on stderr), 2 bad usage."
    })
public final class ClassifyCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;

  @Option(names = "--json", description = "One JSON object per line (JSON Lines) instead of a table.")
  boolean json;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "A policy file layered on the default policy.")
  Path policyFile;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Emails to read.")
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
    Table table = new Table(out);
    if (!json) {
      table.header();
    }
    int problems = 0;
    for (String path : paths) {
      try (Stream<SourceEntry> entries = MailSources.open(path, System.in)) {
        for (SourceEntry entry : (Iterable<SourceEntry>) entries::iterator) {
          if (entry instanceof SourceEntry.Problem p) {
            err.println("doorman: " + p.source() + ": " + p.reason());
            problems++;
            continue;
          }
          SourceEntry.Mail mail = (SourceEntry.Mail) entry;
          try {
            for (Notification n : reader.read(mail.mail())) {
              Classified c = classify(n, policy);
              if (json) {
                out.println(JsonLines.line(c));
              } else {
                table.row(c);
              }
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

  private static Classified classify(Notification n, Policy policy) {
    if (n instanceof Invitation i) {
      return new Classified(n, Optional.of(policy.classify(i)), Optional.empty());
    }
    if (n instanceof Message m) {
      return new Classified(n, Optional.empty(), Optional.of(policy.classifyReply(m)));
    }
    return new Classified(n, Optional.empty(), Optional.empty());
  }
}

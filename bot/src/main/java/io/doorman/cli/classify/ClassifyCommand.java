package io.doorman.cli.classify;

import io.doorman.cli.Verbosity;
import io.doorman.cli.EmailInputs;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Other;
import io.doorman.cli.policy.PolicyFiles;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.engine.Policy;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
    Optional<Policy> loaded = PolicyFiles.loadOrReport(Optional.ofNullable(policyFile), err);
    if (loaded.isEmpty()) {
      return 1;
    }
    Policy policy = loaded.get();
    Table table = new Table(out);
    int problems =
        EmailInputs.read(
            paths,
            new MailReader(),
            err,
            new EmailInputs.Receiver() {
              @Override
              public void accept(RawMail mail, List<Notification> notifications) {
                for (Notification n : notifications) {
                  print(classify(n, policy), table, out);
                }
              }

              /** Every email gives a line; one that can't be read says why in its problems. */
              @Override
              public void unreadable(RawMail mail, String reason) {
                print(classify(unreadableMail(mail, reason), policy), table, out);
              }
            });
    out.flush();
    return problems == 0 ? 0 : 1;
  }

  private void print(Classified c, Table table, PrintWriter out) {
    if (json) {
      out.println(JsonLines.line(c));
    } else {
      table.row(c);
    }
  }

  private static Notification unreadableMail(RawMail mail, String reason) {
    Origin origin =
        new Origin(
            mail.source(), Optional.empty(), Optional.empty(), Authenticity.UNVERIFIED, Optional.empty(),
            Language.EN, false, List.of("unreadable: " + reason));
    return new Other(origin, "");
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

package io.doorman.cli.store;

import io.doorman.cli.Verbosity;
import io.doorman.cli.policy.PolicyFiles;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import io.doorman.policies.Invitation;
import io.doorman.policies.Message;
import io.doorman.policies.Notification;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.language.PolicyError;
import io.doorman.policies.language.PolicyException;
import io.doorman.store.InvitationStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doorman ingest PATH...}: read, classify and store; each message committed before the next. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads LinkedIn notification emails, classifies them and stores them.",
      "The same invitation seen again (a reminder, a second forward) is stored once and its sightings counted;",
      "a message from someone who was asked \"Have we met?\" is recorded as their answer.",
      "Exit status: 0 every input read, 1 some input unreadable (named on stderr), 2 bad usage."
    })
public final class IngestCommand implements Callable<Integer> {

  @Mixin Verbosity verbosity;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--policy", paramLabel = "FILE", description = "A policy file layered on the default policy.")
  Path policyFile;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Emails to read: files, directories, mboxes, - for stdin.")
  List<String> paths;

  @Option(names = "--progress-every", hidden = true, defaultValue = "10000",
      description = "When not on a terminal, a progress line every N emails.")
  int progressEvery;

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
    InvitationStore store = storeOptions.open();
    MailReader reader = new MailReader();
    Tally tally = new Tally();
    Progress progress = Progress.to(err, progressEvery);
    try (InvitationStore.Batch batch = store.batch(BATCH)) {
      readAll(reader, policy, batch, tally, err, progress);
    }
    progress.clear();
    out.println(tally);
    return tally.errors == 0 ? 0 : 1;
  }

  /** Commits every 500 notifications: a crash loses at most that much work, redone on the next run. */
  private static final int BATCH = 500;

  private void readAll(
      MailReader reader, Policy policy, InvitationStore.Batch store, Tally tally, PrintWriter err,
      Progress progress) {
    for (String path : paths) {
      try (Stream<SourceEntry> entries = MailSources.open(path, System.in)) {
        for (SourceEntry entry : (Iterable<SourceEntry>) entries::iterator) {
          if (entry instanceof SourceEntry.Problem p) {
            progress.clear();
            err.println("doorman: " + p.source() + ": " + p.reason());
            tally.errors++;
          } else {
            ingest(((SourceEntry.Mail) entry), reader, policy, store, tally, err, progress);
          }
          progress.show(tally);
        }
      }
    }
  }

  private static void ingest(
      SourceEntry.Mail mail, MailReader reader, Policy policy, InvitationStore.Batch store, Tally tally,
      PrintWriter err, Progress progress) {
    tally.messages++;
    List<Notification> notifications;
    try {
      notifications = reader.read(mail.mail());
    } catch (UnreadableMailException e) {
      progress.clear();
      err.println("doorman: " + e.getMessage());
      tally.errors++;
      return;
    }
    for (Notification n : notifications) {
      if (n instanceof Invitation i) {
        switch (store.ingest(i, policy.classify(i))) {
          case NEW -> tally.newInvitations++;
          case ALREADY_SEEN -> tally.alreadySeen++;
        }
      } else if (n instanceof Message m) {
        InvitationStore.MessageIngested result = store.ingestMessage(m, policy.classifyReply(m));
        if (result.alreadySeen()) {
          tally.alreadySeen++;
        } else if (result.answered().isPresent()) {
          tally.answers++;
        } else {
          tally.unmatched++;
        }
      } else {
        tally.other++;
      }
    }
  }

  /** What one run did, counted. */
  static final class Tally {
    long messages;
    long newInvitations;
    long alreadySeen;
    long answers;
    long unmatched;
    long other;
    long errors;

    @Override
    public String toString() {
      return String.format(
          "%d emails: %d new invitations, %d already seen, %d answers matched, %d messages unmatched,"
              + " %d other, %d errors",
          messages, newInvitations, alreadySeen, answers, unmatched, other, errors);
    }
  }
}

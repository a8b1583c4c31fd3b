package io.doorman.cli.store;

import io.doorman.cli.EmailInputs;
import io.doorman.cli.Verbosity;
import io.doorman.cli.policy.PolicyFiles;
import io.doorman.ingest.MailReader;
import io.doorman.intake.Intake;
import io.doorman.intake.Stored;
import io.doorman.policies.engine.Policy;
import io.doorman.events.Events;
import io.doorman.store.Ingestion;
import io.doorman.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
      "Exit status: 0 every input read, 1 some input unreadable (named on stderr), 2 bad usage.",
      "With - alone (a mail server's pipe): 0 stored, 65 unreadable (bounce it), 75 store unavailable (retry later);",
      "mail that is not LinkedIn's is kept in DATA_DIR/review for a human."
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
    Optional<Policy> loaded = PolicyFiles.loadOrReport(Optional.ofNullable(policyFile), err);
    if (loaded.isEmpty()) {
      return 1;
    }
    Policy policy = loaded.get();
    if (paths.equals(List.of("-"))) {
      return deliverFromPipe(policy, out, err);
    }
    MailReader reader = new MailReader();
    Tally tally = new Tally();
    Progress progress = Progress.to(err, progressEvery);
    try (StoreOptions.Opened opened = storeOptions.open()) {
      try (Ingestion.Batch batch = opened.ingestion().bulk(BATCH)) {
        readAll(reader, policy, opened.ingestion(), batch, tally, err, progress);
      }
      progress.clear();
      out.println(tally); // all on disk; closing the store may still tidy (compact) its file
      out.flush();
    }
    return tally.errors == 0 ? 0 : 1;
  }

  private int deliverFromPipe(Policy policy, PrintWriter out, PrintWriter err) {
    StoreOptions.Opened opened;
    try {
      opened = storeOptions.open();
    } catch (StoreException e) {
      err.println("doorman: cannot open the store, the mail server should try again: " + e.getMessage());
      return PipeDelivery.TRY_LATER;
    }
    try (opened) {
      Intake intake = opened.intake(policy);
      return new PipeDelivery(intake, storeOptions.reviewDir(), Clock.systemUTC(), out, err).deliver(System.in);
    }
  }

  /**
   * Commits every 500 notifications, flushed to disk in the background and for certain at the end:
   * a crash loses at most the last moment of work, which the next run simply reads again.
   */
  private static final int BATCH = 500;

  private void readAll(
      MailReader reader, Policy policy, Ingestion ingestion, Ingestion.Batch batch, Tally tally,
      PrintWriter err, Progress progress) {
    Intake intake = new Intake(reader, policy, ingestion, new Events());
    PrintWriter errAbove = progress.clearingBefore(err);
    tally.errors +=
        EmailInputs.read(
            paths,
            reader,
            errAbove,
            (mail, notifications) -> {
              tally.messages++;
              intake.store(mail, notifications, batch).stored().forEach(tally::count);
              progress.show(tally);
            });
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

    void count(Stored stored) {
      if (stored instanceof Stored.InvitationStored i) {
        if (i.isNew()) {
          newInvitations++;
        } else {
          alreadySeen++;
        }
      } else if (stored instanceof Stored.MessageStored m) {
        if (m.alreadySeen()) {
          alreadySeen++;
        } else if (m.answered().isPresent()) {
          answers++;
        } else {
          unmatched++;
        }
      } else {
        other++;
      }
    }

    @Override
    public String toString() {
      return String.format(
          "%d emails: %d new invitations, %d already seen, %d answers matched, %d messages unmatched,"
              + " %d other, %d errors",
          messages, newInvitations, alreadySeen, answers, unmatched, other, errors);
    }
  }
}

package io.doorman.cli.store;

import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import io.doorman.intake.Intake;
import io.doorman.intake.Taken;
import io.doorman.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code doorman ingest -} run by a mail server for each delivery (a {@code .forward} or
 * {@code aliases} pipe), answered with the exit codes of sysexits.h that mail servers act on: 0
 * when the email is stored (only then may the server forget it), 75 (EX_TEMPFAIL) when the store
 * can't be reached, so the server keeps it and tries again later, and 65 (EX_DATAERR) when the
 * email can't be read, so the server bounces it instead of retrying forever. Mail that is not a
 * LinkedIn notification is kept under the review directory for a human, never dropped.
 */
final class PipeDelivery {

  static final int STORED = 0;
  static final int UNREADABLE = 65;
  static final int TRY_LATER = 75;

  private final Intake intake;
  private final Path reviewDir;
  private final Clock clock;
  private final PrintWriter out;
  private final PrintWriter err;

  PipeDelivery(Intake intake, Path reviewDir, Clock clock, PrintWriter out, PrintWriter err) {
    this.intake = intake;
    this.reviewDir = reviewDir;
    this.clock = clock;
    this.out = out;
    this.err = err;
  }

  int deliver(InputStream stdin) {
    try (Stream<SourceEntry> entries = MailSources.open("-", stdin)) {
      List<SourceEntry> all = entries.toList();
      if (all.isEmpty()) {
        err.println("doorman: -: no email on standard input");
        return UNREADABLE;
      }
      int status = STORED;
      for (SourceEntry entry : all) {
        status = Math.max(status, deliverOne(entry));
      }
      return status;
    }
  }

  private int deliverOne(SourceEntry entry) {
    if (entry instanceof SourceEntry.Problem p) {
      err.println("doorman: " + p.source() + ": " + p.reason());
      return UNREADABLE;
    }
    RawMail mail = ((SourceEntry.Mail) entry).mail();
    try {
      Taken taken = intake.take(mail);
      if (!taken.keptAnything()) {
        Path kept = keepForReview(mail);
        out.println("not a LinkedIn notification; kept for review in " + kept);
      } else {
        out.println("stored: " + taken.stored().size() + " notification(s)");
      }
      return STORED;
    } catch (UnreadableMailException e) {
      err.println("doorman: " + e.getMessage());
      return UNREADABLE;
    } catch (StoreException | IOException e) {
      err.println("doorman: cannot store the email now, the mail server should try again: " + e.getMessage());
      return TRY_LATER;
    }
  }

  private Path keepForReview(RawMail mail) throws IOException {
    Files.createDirectories(reviewDir);
    Path target = reviewDir.resolve(clock.millis() + "-" + ProcessHandle.current().pid() + ".eml");
    Path partial = reviewDir.resolve("." + target.getFileName() + ".tmp");
    Files.write(partial, mail.bytes());
    return Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}

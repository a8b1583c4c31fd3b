package io.doorman.cli;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import io.doorman.policies.Notification;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs named on a command line, read in order: each readable email's notifications go to the
 * caller; what cannot be read is named on stderr ({@code doorman: SOURCE: REASON}) and the rest
 * goes on.
 */
public final class EmailInputs {

  /** Receives each readable email with the notifications found in it. */
  public interface Receiver {
    void accept(RawMail mail, List<Notification> notifications);
  }

  private EmailInputs() {}

  /** Reads every path; returns how many inputs could not be read. */
  public static int read(List<String> paths, MailReader reader, PrintWriter err, Receiver receiver) {
    int problems = 0;
    for (String path : paths) {
      try (Stream<SourceEntry> entries = MailSources.open(path, System.in)) {
        for (SourceEntry entry : (Iterable<SourceEntry>) entries::iterator) {
          if (entry instanceof SourceEntry.Problem p) {
            err.println("doorman: " + p.source() + ": " + p.reason());
            problems++;
            continue;
          }
          RawMail mail = ((SourceEntry.Mail) entry).mail();
          try {
            receiver.accept(mail, reader.read(mail));
          } catch (UnreadableMailException e) {
            err.println("doorman: " + e.getMessage());
            problems++;
          }
        }
      }
    }
    return problems;
  }
}

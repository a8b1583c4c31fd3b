package io.doorman.cli;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import io.doorman.policies.Notification;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The inputs named on a command line, read in order: each readable email's notifications go to the
 * caller; what cannot be read is named on stderr ({@code doorman: SOURCE: REASON}) and the rest
 * goes on.
 *
 * <p>Parsing is the expensive part and each email parses alone, so it runs on a small pool while
 * the caller (which stores, and whose team signals depend on what came before) receives the
 * results strictly in input order. At most {@link #READ_AHEAD} emails per thread wait parsed, so a
 * mailbox of any size runs in bounded memory.
 */
public final class EmailInputs {

  /** Receives each readable email with the notifications found in it. */
  public interface Receiver {
    void accept(RawMail mail, List<Notification> notifications);

    /** An email that could not be read at all (after it was named on stderr). */
    default void unreadable(RawMail mail, String reason) {}
  }

  private static final int READ_AHEAD = 64;

  private EmailInputs() {}

  /** Reads every path; returns how many inputs could not be read. */
  public static int read(List<String> paths, MailReader reader, PrintWriter err, Receiver receiver) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService parsers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "doorman-parse");
              t.setDaemon(true);
              return t;
            });
    try {
      return new Ordered(reader, parsers, err, receiver, threads * READ_AHEAD).readAll(paths);
    } finally {
      parsers.shutdownNow();
    }
  }

  /**
   * What one entry of a source became: parsed notifications, or a message saying why it can't be
   * read (and, for an email, the reason alone).
   */
  private record Parsed(
      RawMail mail, List<Notification> notifications, Optional<String> problem, Optional<String> reason) {}

  /** Hands entries to the pool in input order and delivers their results in that same order. */
  private static final class Ordered {
    private final MailReader reader;
    private final ExecutorService parsers;
    private final PrintWriter err;
    private final Receiver receiver;
    private final int window;
    private final ArrayDeque<Future<Parsed>> inFlight = new ArrayDeque<>();
    private int problems;

    Ordered(MailReader reader, ExecutorService parsers, PrintWriter err, Receiver receiver, int window) {
      this.reader = reader;
      this.parsers = parsers;
      this.err = err;
      this.receiver = receiver;
      this.window = window;
    }

    int readAll(List<String> paths) {
      for (String path : paths) {
        try (Stream<SourceEntry> entries = MailSources.open(path, System.in)) {
          for (SourceEntry entry : (Iterable<SourceEntry>) entries::iterator) {
            inFlight.add(submit(entry));
            while (inFlight.size() > window) {
              deliver(inFlight.poll());
            }
          }
        }
      }
      while (!inFlight.isEmpty()) {
        deliver(inFlight.poll());
      }
      return problems;
    }

    private Future<Parsed> submit(SourceEntry entry) {
      if (entry instanceof SourceEntry.Problem p) {
        return CompletableFuture.completedFuture(
            new Parsed(null, List.of(), Optional.of(p.source() + ": " + p.reason()), Optional.empty()));
      }
      RawMail mail = ((SourceEntry.Mail) entry).mail();
      return parsers.submit(
          () -> {
            try {
              return new Parsed(mail, reader.read(mail), Optional.empty(), Optional.empty());
            } catch (UnreadableMailException e) {
              return new Parsed(mail, List.of(), Optional.of(e.getMessage()), Optional.of(e.reason()));
            }
          });
    }

    private void deliver(Future<Parsed> next) {
      Parsed parsed = await(next);
      if (parsed.problem().isPresent()) {
        err.println("doorman: " + parsed.problem().get());
        problems++;
        if (parsed.mail() != null) {
          receiver.unreadable(parsed.mail(), parsed.reason().orElse(parsed.problem().get()));
        }
      } else {
        receiver.accept(parsed.mail(), parsed.notifications());
      }
    }

    private static Parsed await(Future<Parsed> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading emails", e);
      } catch (ExecutionException e) {
        // The reader reports bad input as UnreadableMailException; anything else is a bug to surface.
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}

package io.doorman.cli.store;

import java.io.PrintWriter;

/**
 * Progress of a long ingest: on a terminal, one line rewritten in place at most twice a second;
 * elsewhere (a pipe, a log), a plain line every N emails (10,000 unless told).
 */
abstract class Progress {

  static Progress to(PrintWriter err, int plainEvery) {
    return System.console() != null ? new OnTerminal(err) : new Plain(err, Math.max(1, plainEvery));
  }

  abstract void show(IngestCommand.Tally tally);

  /** Makes room for a message on the line the progress is drawn on. */
  abstract void clear();

  /** {@code err}, clearing the progress line before anything is written to it. */
  PrintWriter clearingBefore(PrintWriter err) {
    return new PrintWriter(
        new java.io.Writer() {
          @Override
          public void write(char[] chars, int off, int len) {
            clear();
            err.write(chars, off, len);
          }

          @Override
          public void flush() {
            err.flush();
          }

          @Override
          public void close() {
            err.flush();
          }
        },
        true);
  }

  private static final class OnTerminal extends Progress {
    private final PrintWriter err;
    private long lastNanos;
    private boolean drawn;

    OnTerminal(PrintWriter err) {
      this.err = err;
    }

    @Override
    void show(IngestCommand.Tally tally) {
      long now = System.nanoTime();
      if (now - lastNanos < 500_000_000L) {
        return;
      }
      lastNanos = now;
      err.print("\r\u001b[K" + tally);
      err.flush();
      drawn = true;
    }

    @Override
    void clear() {
      if (drawn) {
        err.print("\r\u001b[K");
        err.flush();
        drawn = false;
      }
    }
  }

  private static final class Plain extends Progress {
    private final PrintWriter err;
    private final int every;
    private long lastShown;

    Plain(PrintWriter err, int every) {
      this.err = err;
      this.every = every;
    }

    @Override
    void show(IngestCommand.Tally tally) {
      if (tally.messages >= lastShown + every) {
        lastShown = tally.messages;
        err.println("doorman: " + tally);
        err.flush();
      }
    }

    @Override
    void clear() {}
  }
}

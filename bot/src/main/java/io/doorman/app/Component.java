package io.doorman.app;

import io.doorman.health.Status;
import java.util.function.Supplier;

/**
 * A running part of {@code doorman run}: a mail source, the scheduler, the Slack app. Started in
 * the order added, closed in reverse; its status is one probe of {@code /readyz}.
 */
public interface Component extends AutoCloseable {

  /** Short name, as {@code /readyz} and the start-up lines show it: {@code inbox}, {@code imap}. */
  String name();

  void start() throws Exception;

  /** Ready to work (connected, watching)? Asked by {@code /readyz}; must answer quickly. */
  Status status();

  /** Where it is, for the start-up line: {@code ./inbox (watching)}. */
  String where();

  /** Stops taking new work and finishes what is in flight. */
  @Override
  void close() throws Exception;

  /** Something that can be started. */
  @FunctionalInterface
  interface Start {
    void run() throws Exception;
  }

  /** A component from its parts, for wrapping a class that does not implement this interface. */
  static Component of(
      String name, String where, Start start, Supplier<Status> status, AutoCloseable close) {
    return new Component() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() throws Exception {
        start.run();
      }

      @Override
      public Status status() {
        return status.get();
      }

      @Override
      public String where() {
        return where;
      }

      @Override
      public void close() throws Exception {
        close.close();
      }
    };
  }
}

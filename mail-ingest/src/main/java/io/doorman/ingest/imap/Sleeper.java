package io.doorman.ingest.imap;

import java.time.Duration;

/** Waits between reconnects and polls; tests pass one that records and returns at once. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;
}

package io.doorman.store.bench;

import io.doorman.cli.Main;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ingest throughput of an mbox into one database, H2 or a real PostgreSQL, in emails per second,
 * with the heap the JVM was given. Run by hand with {@code bot/bench/run-ingest-bench.sh MBOX},
 * which runs it once per database, each in a JVM of its own under -Xmx256m.
 *
 * <p>Two figures each: the first run is what {@code doorman ingest} does in a new JVM, which on
 * two cores spends about half its CPU compiling (C2) for most of the run; the second run, into
 * another new database in the same JVM, is the store and the parser with the compiling done.
 */
public final class IngestBench {

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    String database = args[0];
    String mbox = args.length > 1 ? args[1] : "/tmp/big.mbox";
    long emails = countFromLines(Path.of(mbox));
    switch (database) {
      case "h2" -> {
        report("H2", "first run (new JVM)", emails, time(() -> intoH2(mbox)));
        report("H2", "second run (JIT done)", emails, time(() -> intoH2(mbox)));
      }
      case "postgres" -> {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
          report("PostgreSQL", "first run (new JVM)", emails, time(() -> intoPostgres(pg, "postgres", mbox)));
          try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE second");
          }
          report("PostgreSQL", "second run (JIT done)", emails, time(() -> intoPostgres(pg, "second", mbox)));
        }
      }
      default -> throw new IllegalArgumentException("database: h2 or postgres, not " + database);
    }
  }

  private static int intoH2(String mbox) throws Exception {
    Path dir = Files.createTempDirectory("doorman-bench-h2");
    return Main.run("ingest", "--data-dir", dir.toString(), mbox);
  }

  private static int intoPostgres(EmbeddedPostgres pg, String dbName, String mbox) {
    String url = pg.getJdbcUrl("postgres", dbName);
    return Main.run("ingest", "--db", url, "--db-user", "postgres", mbox);
  }

  private static long countFromLines(Path mbox) throws Exception {
    try (var lines = Files.lines(mbox, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.startsWith("From ")).count();
    }
  }

  private interface Run {
    int run() throws Exception;
  }

  private static long time(Run run) throws Exception {
    long start = System.nanoTime();
    int status = run.run();
    long nanos = System.nanoTime() - start;
    if (status != 0) {
      System.out.println("(exit status " + status + ")");
    }
    return nanos;
  }

  private static void report(String db, String which, long emails, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        "IngestBench %-10s %-22s %,d emails in %.1f s = %,.0f emails/s (max heap %d MB)%n",
        db, which, emails, seconds, emails / seconds, Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}

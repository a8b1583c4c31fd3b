package io.doorman.store.bench;

import io.doorman.cli.Main;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ingest throughput of an mbox into H2 and into a real PostgreSQL, in emails per second, with the
 * heap the JVM was given. Run by hand with {@code bot/bench/run-ingest-bench.sh MBOX} (which runs it
 * under -Xmx256m).
 */
public final class IngestBench {

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    String mbox = args.length > 0 ? args[0] : "/tmp/big.mbox";
    long emails = countFromLines(Path.of(mbox));
    Path h2 = Files.createTempDirectory("doorman-bench-h2");
    report("H2", emails, time(() -> Main.run("ingest", "--data-dir", h2.toString(), mbox)));
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      report("PostgreSQL", emails, time(() -> Main.run("ingest", "--db", url, "--db-user", "postgres", mbox)));
    }
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

  private static void report(String db, long emails, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        "IngestBench %-10s %,d emails in %.1f s = %,.0f emails/s (max heap %d MB)%n",
        db, emails, seconds, emails / seconds, Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}

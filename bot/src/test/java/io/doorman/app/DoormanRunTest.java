package io.doorman.app;

import io.doorman.testing.All;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.config.ConfigException;
import io.doorman.config.Configuration;
import io.doorman.lifecycle.State;
import io.doorman.metrics.PrometheusText;
import io.doorman.store.StoredInvitation;
import io.doorman.testing.Emails;
import io.doorman.testing.Eventually;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doorman run} as its composition root builds it: real store, inbox, Jetty on port 0. */
class DoormanRunTest {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final Doorman.Timing FAST =
      new Doorman.Timing(Duration.ofMinutes(1), Duration.ofMillis(200), Duration.ofMillis(100));

  @TempDir Path dir;
  private Doorman doorman;
  private final HttpClient http = HttpClient.newHttpClient();

  private Configuration config(Map<String, String> extra) {
    Map<String, String> values = new java.util.HashMap<>(Map.of(
        "data.dir", dir.resolve("data").toString(),
        "inbox.dir", dir.resolve("inbox").toString(),
        "http.port", "0"));
    values.putAll(extra);
    return Configuration.of(values);
  }

  private Doorman start(Map<String, String> extra) throws Exception {
    doorman = Doorman.build(config(extra), Clock.systemUTC(), FAST);
    doorman.start();
    return doorman;
  }

  @AfterEach
  void stop() {
    if (doorman != null) {
      doorman.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(doorman.consoleUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void saysWhereEachPartIsAndWhichAreOff() throws Exception {
    Emails.copySamples(dir.resolve("inbox"));
    doorman = Doorman.build(config(Map.of()), Clock.systemUTC(), FAST);
    List<String> where = doorman.start();
    assertTrue(where.get(0).startsWith("store: H2 at " + dir.resolve("data")), where.toString());
    assertTrue(where.stream().anyMatch(l -> l.startsWith("inbox: ") && l.endsWith("(watching)")), where.toString());
    assertTrue(where.stream().anyMatch(l -> l.startsWith("console: http://127.0.0.1:")), where.toString());
    assertTrue(where.contains("Slack: off (slack.bot-token not set)"), where.toString());
    assertTrue(where.contains("IMAP: off (imap.host not set)"), where.toString());
  }

  @Test
  void servesTheConsoleHealthReadinessAndMetricsForTheSamples() throws Exception {
    int samples = Emails.copySamples(dir.resolve("inbox"));
    start(Map.of());
    Eventually.within(DEADLINE, "every sample moved to .processed",
        () -> Emails.fileCount(dir.resolve("inbox/.processed")) == samples);

    List<StoredInvitation> all = All.invitations(doorman.store());
    assertEquals(6, all.size(), "six invitations and one message among the samples");
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Priya Raman"), "the met-at-meetup sample is pending");
    assertTrue(page.body().contains("sales-pitch"), "with its category");

    assertEquals(200, get("/healthz").statusCode());
    HttpResponse<String> ready = get("/readyz");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"store\":{\"ready\":true"), ready.body());
    assertTrue(ready.body().contains("\"inbox\":{\"ready\":true"), ready.body());

    HttpResponse<String> metrics = get("/metrics");
    assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    Map<String, Double> scraped = PrometheusText.parse(metrics.body());
    assertEquals((double) samples, scraped.get("doorman_emails_ingested_total"));
    assertEquals(1.0, scraped.get("doorman_invitations_classified_total{category=\"sales-pitch\"}"));
    assertEquals(6.0, scraped.entrySet().stream()
        .filter(e -> e.getKey().startsWith("doorman_invitations_classified_total")).mapToDouble(Map.Entry::getValue).sum());
  }

  @Test
  void readinessFailsWhileTheStoreDoesNotAnswer() throws Exception {
    String url = "jdbc:h2:mem:ready-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    start(Map.of("db.url", url));
    assertEquals(200, get("/readyz").statusCode());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
      s.execute("ALTER TABLE invitations RENAME TO gone");
    }
    HttpResponse<String> ready = get("/readyz");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"store\":{\"ready\":false"), ready.body());
    assertTrue(ready.body().contains("\"inbox\":{\"ready\":true"), ready.body());
    assertEquals(200, get("/healthz").statusCode(), "alive all the same");
  }

  @Test
  void aRunStoppedMidBacklogLosesNothing() throws Exception {
    Path inbox = dir.resolve("inbox");
    int total = 100;
    Emails.writeBacklog(inbox, total);
    start(Map.of());
    Eventually.within(DEADLINE, "some of the backlog taken", () -> Emails.fileCount(inbox.resolve(".processed")) >= 10);
    doorman.close();

    long processed = Emails.fileCount(inbox.resolve(".processed"));
    long left = Emails.fileCount(inbox);
    assertTrue(left > 0, "stopped before the end of the backlog (else this test proves nothing)");
    assertEquals(total, processed + left, "every file is in the inbox or in .processed");
    try (io.doorman.store.Database db = io.doorman.store.Database.h2File(dir.resolve("data"))) {
      assertEquals(processed, All.invitations(new io.doorman.store.Invitations(db)).size(),
          "every processed file is stored");
    }

    doorman = Doorman.build(config(Map.of()), Clock.systemUTC(), FAST);
    doorman.start();
    Eventually.within(DEADLINE, "the rest taken after a restart", () -> Emails.fileCount(inbox.resolve(".processed")) == total);
    List<StoredInvitation> all = All.invitations(doorman.store());
    assertEquals(total, all.size());
    assertTrue(all.stream().allMatch(i -> i.sightings() == 1 && i.state() == State.PENDING), "each stored once");
  }

  @Test
  void refusesToStartBeyondLoopbackWithoutAConsoleToken() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Doorman.build(config(Map.of("http.bind", "0.0.0.0")), Clock.systemUTC(), FAST));
    assertTrue(e.getMessage().contains("set console.token"), e.getMessage());
  }

}

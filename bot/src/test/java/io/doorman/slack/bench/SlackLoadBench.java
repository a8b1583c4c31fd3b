package io.doorman.slack.bench;

import io.doorman.slack.SlackHarness;
import io.doorman.slack.cards.ActionIds;
import io.doorman.slack.signing.SlackSignatureVerifier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed button clicks against the real endpoint on loopback: {@code RATE} per second for {@code
 * SECONDS} seconds, one per invitation, plus a second click by a teammate on every tenth (refused:
 * "already decided", told by an ephemeral notice) and a Slack-style retry of every twentieth
 * (de-duplicated). The server runs in its own JVM ({@link SlackLoadServer}, -Xmx128m), so its
 * memory and its acknowledgement times are its own; its JVM options are the third argument. Run by
 * hand: {@code bot/bench/run-slack-load.sh}.
 */
public final class SlackLoadBench {

  private SlackLoadBench() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String serverHeap = args.length > 2 ? args[2] : "-Xmx128m";
    // A fresh JVM spends its first seconds compiling: measure the server as it runs, not as it starts.
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int measuredFrom = rate * warmup;
    int invitations = rate * (warmup + seconds);

    boolean startupInTime = measureStartUp(serverHeap);

    Process server = new ProcessBuilder(serverCommand(serverHeap, Integer.toString(invitations)))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    Writer commands = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8);
    String[] ready = awaitLine(out, "READY ").split(" ");
    URI endpoint = URI.create("http://127.0.0.1:" + ready[1] + "/slack/events");
    long firstId = Long.parseLong(ready[2]);

    Clock clock = Clock.systemUTC();
    SlackSignatureVerifier signer = new SlackSignatureVerifier(SlackHarness.SECRET, clock);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4)).build();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    ConcurrentLinkedQueue<Long> clientNanos = new ConcurrentLinkedQueue<>();
    AtomicInteger clientErrors = new AtomicInteger();
    // At most this many in flight: past it a request is counted as not sent instead of piling up.
    Semaphore inFlight = new Semaphore(512);
    AtomicInteger missed = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    int[] extra = {0, 0};
    CountDownLatch done = new CountDownLatch(1);

    long[] loadStart = {System.nanoTime()};
    var tick = ticker.scheduleAtFixedRate(() -> {
      int n = next.getAndIncrement();
      if (n >= invitations) {
        done.countDown();
        return;
      }
      if (n == measuredFrom) {
        try {
          commands.write("START\n");
          commands.flush();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        loadStart[0] = System.nanoTime();
        clientNanos.clear();
      }
      long id = firstId + n;
      String body = SlackHarness.clickBody(n % 2 == 0 ? ActionIds.ACCEPT : ActionIds.DECLINE, id,
          SlackLoadServer.member(n), SlackLoadServer.CHANNEL);
      List<String> bodies = new ArrayList<>(List.of(body));
      if (n % 10 == 0) {
        bodies.add(SlackHarness.clickBody(ActionIds.DECLINE, id, SlackLoadServer.member(n + 1), SlackLoadServer.CHANNEL));
        extra[0]++;
      }
      if (n % 20 == 0) {
        bodies.add(body);
        extra[1]++;
      }
      for (String b : bodies) {
        if (!inFlight.tryAcquire()) {
          missed.incrementAndGet();
          continue;
        }
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> f = http.sendAsync(request(endpoint, signer, b, clock),
            HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
              clientNanos.add(System.nanoTime() - t0);
              inFlight.release();
              if (e != null) {
                clientErrors.incrementAndGet();
              }
            });
        synchronized (sent) {
          sent.add(f);
        }
      }
    }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
    done.await();
    tick.cancel(false);
    ticker.shutdown();
    List<CompletableFuture<HttpResponse<String>>> all;
    synchronized (sent) {
      all = new ArrayList<>(sent);
    }
    int ok = 0;
    for (CompletableFuture<HttpResponse<String>> f : all) {
      try {
        ok += f.get(60, TimeUnit.SECONDS).statusCode() == 200 ? 1 : 0;
      } catch (Exception e) {
        // counted in clientErrors
      }
    }
    double loadSeconds = (System.nanoTime() - loadStart[0]) / 1e9;
    commands.write("REPORT\n");
    commands.flush();

    long[] client = clientNanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(client);
    System.out.printf("SlackLoadBench: %d clicks/s for %d s after %d s of warm-up (+%d teammate clicks, +%d retries)"
        + " = %d requests in all, the measured ones in %.1f s; server %s%n", rate, seconds, warmup, extra[0], extra[1],
        all.size(), loadSeconds, serverHeap);
    System.out.printf("  client round trip: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
        SlackLoadServer.ms(client, 0.50), SlackLoadServer.ms(client, 0.99), SlackLoadServer.ms(client, 0.999));
    System.out.printf("  answered 200: %d of %d; client errors %d; not sent (512 already in flight) %d%n",
        ok, all.size(), clientErrors.get(), missed.get());
    boolean serverPass = false;
    int ephemerals = -1;
    String line;
    while ((line = out.readLine()) != null && !line.equals("END")) {
      if (line.startsWith("SERVER ")) {
        serverPass = line.startsWith("SERVER PASS");
        ephemerals = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
      } else {
        System.out.println(line);
      }
    }
    server.waitFor(30, TimeUnit.SECONDS);
    boolean pass = serverPass && startupInTime && ok == all.size() && missed.get() == 0 && ephemerals == extra[0];
    System.out.println(pass ? "  PASS" : "  FAIL (targets: every request answered, every decision stored once, the"
        + " loser of each race told, ack p99 <= 25 ms and p99.9 <= 100 ms, ready <= 1.5 s)");
    System.exit(pass ? 0 : 1);
  }

  /**
   * Start-up to ready, each in a new server JVM: once on a new data directory (the first start,
   * which creates the schema), then {@value #RESTARTS} times on that directory (a restart, as on
   * every deploy). The target holds when the first start and the median restart are within 1.5 s.
   */
  private static boolean measureStartUp(String serverJvmOptions) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("doorman-slack-startup");
    long first = startOnce(serverJvmOptions, dir, "first start");
    long[] restarts = new long[RESTARTS];
    for (int i = 0; i < RESTARTS; i++) {
      restarts[i] = startOnce(serverJvmOptions, dir, "restart " + (i + 1));
    }
    Arrays.sort(restarts);
    long median = restarts[RESTARTS / 2];
    System.out.printf("  start-up to ready: first start %d ms; restarts %s ms, median %d ms (target 1,500 ms)%n",
        first, Arrays.toString(restarts), median);
    return first <= 1500 && median <= 1500;
  }

  private static final int RESTARTS = 5;

  private static long startOnce(String serverJvmOptions, java.nio.file.Path dir, String which) throws Exception {
    Process server = new ProcessBuilder(serverCommand(serverJvmOptions, "0", dir.toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String[] line = awaitLine(out, "STARTUP ").split(" ", 3);
    System.out.println("    " + which + ": " + line[2]);
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly();
      throw new IllegalStateException("the server did not stop after its start-up was measured");
    }
    return Long.parseLong(line[1]);
  }

  private static List<String> serverCommand(String jvmOptions, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.javaBinary()));
    command.addAll(List.of(jvmOptions.split(" ")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SlackLoadServer.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private static String awaitLine(BufferedReader out, String prefix) throws Exception {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.out.println(line);
    }
    throw new IllegalStateException("the server ended before it was ready");
  }

  private static HttpRequest request(URI endpoint, SlackSignatureVerifier signer, String body, Clock clock) {
    String ts = Long.toString(clock.instant().getEpochSecond());
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** The java launcher of this JVM. */
  private static final class Path {
    static String javaBinary() {
      return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }
}

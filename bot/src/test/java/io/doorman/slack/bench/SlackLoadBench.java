package io.doorman.slack.bench;

import io.doorman.followup.FollowUps;
import io.doorman.lifecycle.State;
import io.doorman.policies.Action;
import io.doorman.policies.Authenticity;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Origin;
import io.doorman.policies.Person;
import io.doorman.policies.Verdict;
import io.doorman.policies.engine.Policy;
import io.doorman.slack.FakeSlackApi;
import io.doorman.slack.SlackApp;
import io.doorman.slack.SlackHarness;
import io.doorman.slack.SlackSettings;
import io.doorman.slack.cards.ActionIds;
import io.doorman.slack.signing.SlackSignatureVerifier;
import io.doorman.store.Database;
import io.doorman.store.InvitationStore;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Signed button clicks against the real endpoint on loopback: {@code RATE} per second for {@code
 * SECONDS} seconds, one per invitation plus a second click by a teammate on every tenth (refused:
 * "already decided") and a Slack-style retry of every twentieth (de-duplicated). Measures the
 * server-side acknowledgement (time inside the servlet), start-up to ready, and checks that every
 * decision was stored exactly once. Run by hand: {@code bot/bench/run-slack-load.sh} (-Xmx128m).
 */
public final class SlackLoadBench {

  private SlackLoadBench() {}

  /** Times each request inside the servlet container: the server-side acknowledgement. */
  static final class Timed extends HttpServlet {
    private final transient HttpServlet inner;
    final transient ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    Timed(HttpServlet inner) {
      this.inner = inner;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
      long t0 = System.nanoTime();
      inner.service(req, resp);
      nanos.add(System.nanoTime() - t0);
    }
  }

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int invitations = rate * seconds;
    long t0 = System.nanoTime();
    Path dir = Files.createTempDirectory("doorman-slack-bench");
    String channel = "C0BENCH";
    try (FakeSlackApi slack = new FakeSlackApi(Set.of(channel))) {
      String[] members = new String[20];
      for (int i = 0; i < members.length; i++) {
        members[i] = String.format("U%07d", i);
      }
      slack.members(channel, members);
      Map<String, String> config = Map.of("slack.bot-token", FakeSlackApi.TOKEN, "slack.signing-secret",
          SlackHarness.SECRET, "slack.api-url", slack.url(), "slack.channel", channel);
      Clock clock = Clock.systemUTC();

      // ---- start-up: store, Slack app, Jetty, first request answered
      long startup = System.nanoTime();
      Database db = Database.h2File(dir);
      long storeReady = System.nanoTime();
      InvitationStore store = new InvitationStore(db, clock);
      Policy policy = Policy.defaults();
      FollowUps followUps = new FollowUps(store, clock, policy.followUpAfter(), policy.autoDeclineAfter());
      long policyReady = System.nanoTime();
      SlackApp app = new SlackApp(SlackSettings.from(k -> Optional.ofNullable(config.get(k))).orElseThrow(),
          db, store, followUps, policy, clock);
      long appReady = System.nanoTime();
      Timed timed = new Timed(app.servlet());
      // The thread pool `doorman run` would use: bounded, so a burst queues instead of piling up threads.
      Server jetty = new Server(new org.eclipse.jetty.util.thread.QueuedThreadPool(64, 8));
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      jetty.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.addServlet(new ServletHolder(timed), "/slack/events");
      jetty.setHandler(context);
      jetty.start();
      app.start();
      URI endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/slack/events");
      SlackSignatureVerifier signer = new SlackSignatureVerifier(SlackHarness.SECRET, clock);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(8)).build();
      String help = "token=x&team_id=T0TEST&channel_id=" + channel + "&user_id=" + members[0]
          + "&command=%2Fdoorman&text=help&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=1.2.3";
      int first = http.send(request(endpoint, signer, help, clock), HttpResponse.BodyHandlers.ofString()).statusCode();
      long readyNanos = System.nanoTime() - startup;
      String breakdown = String.format("store %d ms, policy %d ms, SlackApp %d ms, Jetty + first request %d ms",
          (storeReady - startup) / 1_000_000, (policyReady - storeReady) / 1_000_000,
          (appReady - policyReady) / 1_000_000, (System.nanoTime() - appReady) / 1_000_000);
      long jvmUptimeAtReady = ManagementFactory.getRuntimeMXBean().getUptime();
      timed.nanos.clear();

      // ---- the invitations to click on
      List<Long> ids = new ArrayList<>(invitations);
      try (InvitationStore.Batch batch = store.batch(500)) {
        for (int i = 0; i < invitations; i++) {
          Origin origin = new Origin("bench#" + i, Optional.empty(), Optional.of("Alex Morgan"),
              Authenticity.LINKEDIN, Optional.empty(), Language.EN);
          Person sender = new Person("Sender " + i, Optional.of("Engineer"), Optional.empty(),
              Optional.of("https://www.linkedin.com/in/bench-" + i));
          ids.add(batch.ingest(new Invitation(origin, sender, OptionalInt.empty(), Optional.empty(), Optional.empty(),
              Optional.of("bench-" + i), false), new Verdict(Category.NO_NOTE, Action.ASK, List.of("no note")))
              .invitationId());
        }
      }

      // ---- the load: RATE requests per second, each on its own schedule (open loop)
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      AtomicInteger clientErrors = new AtomicInteger();
      // At most this many requests in flight: past it the client records a miss instead of piling up.
      java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(512);
      AtomicInteger missed = new AtomicInteger();
      ConcurrentLinkedQueue<Long> clientNanos = new ConcurrentLinkedQueue<>();
      long periodNanos = 1_000_000_000L / rate;
      AtomicInteger next = new AtomicInteger();
      int[] extra = {0, 0};
      long loadStart = System.nanoTime();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      var tick = ticker.scheduleAtFixedRate(() -> {
        int n = next.getAndIncrement();
        if (n >= invitations) {
          done.countDown();
          return;
        }
        long id = ids.get(n);
        String user = members[n % members.length];
        String body = SlackHarness.clickBody(n % 2 == 0 ? ActionIds.ACCEPT : ActionIds.DECLINE, id, user, channel);
        synchronized (sent) {
          List<String> bodies = new ArrayList<>(List.of(body));
          if (n % 10 == 0) {
            bodies.add(SlackHarness.clickBody(ActionIds.DECLINE, id, members[(n + 1) % members.length], channel));
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
            sent.add(send(http, request(endpoint, signer, b, clock), clientNanos, clientErrors)
                .whenComplete((r, e) -> inFlight.release()));
          }
        }
      }, 0, periodNanos, TimeUnit.NANOSECONDS);
      done.await();
      tick.cancel(false);
      ticker.shutdown();
      List<CompletableFuture<HttpResponse<String>>> all;
      synchronized (sent) {
        all = new ArrayList<>(sent);
      }
      int ok = 0;
      for (CompletableFuture<HttpResponse<String>> f : all) {
        ok += f.get(60, TimeUnit.SECONDS).statusCode() == 200 ? 1 : 0;
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
      double load = os.getSystemLoadAverage();

      // ---- correctness: each invitation decided once, by one audit row
      int decided = 0;
      int wrongHistory = 0;
      for (long id : ids) {
        var history = store.history(id);
        State state = store.find(id).orElseThrow().state();
        decided += state == State.ACCEPTED || state == State.DECLINED ? 1 : 0;
        wrongHistory += history.size() == 2 ? 0 : 1;
      }

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long heapUsed = memory.getHeapMemoryUsage().getUsed();

      long[] server = sorted(timed.nanos);
      long[] client = sorted(clientNanos);
      System.out.printf("SlackLoadBench: %d clicks/s for %d s (+%d teammate clicks, +%d retries) = %d requests in %.1f s%n",
          rate, seconds, extra[0], extra[1], all.size(), loadSeconds);
      System.out.printf("  start-up to ready: %d ms (%s; first request answered %d; JVM uptime %d ms)%n",
          readyNanos / 1_000_000, breakdown, first, jvmUptimeAtReady);
      System.out.printf("  process CPU during the load: %.0f ms = %.2f ms per request (clients and fake Slack"
          + " included); machine load average %.1f on %d cores%n", cpuMs, cpuMs / all.size(), load,
          Runtime.getRuntime().availableProcessors());
      System.out.printf("  server-side ack: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d requests)%n",
          ms(server, 0.50), ms(server, 0.99), ms(server, 0.999), ms(server, 1.0), server.length);
      System.out.printf("  client round trip: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
          ms(client, 0.50), ms(client, 0.99), ms(client, 0.999));
      System.out.printf("  answered 200: %d of %d; client errors %d; not sent (512 already in flight) %d%n",
          ok, all.size(), clientErrors.get(), missed.get());
      System.out.printf("  decisions: %d of %d invitations decided, %d with other than exactly one decision%n",
          decided, invitations, wrongHistory);
      System.out.printf("  ephemeral notices sent: %d (expected %d); cards posted meanwhile: %d%n",
          slack.calls("chat.postEphemeral").size(), extra[0], slack.calls("chat.postMessage").size());
      System.out.printf("  heap after GC: %d MB of max %d MB%n", heapUsed >> 20, Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf("  total %.1f s%n", (System.nanoTime() - t0) / 1e9);

      jetty.stop();
      app.close();
      boolean pass = missed.get() == 0 && decided == invitations && wrongHistory == 0 && ok == all.size()
          && ms(server, 0.99) <= 25 && ms(server, 0.999) <= 100 && readyNanos <= 1_500_000_000L;
      System.out.println(pass ? "  PASS" : "  FAIL (targets: all decided once, p99 <= 25 ms, p99.9 <= 100 ms, ready <= 1.5 s)");
      System.exit(pass ? 0 : 1);
    }
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

  private static CompletableFuture<HttpResponse<String>> send(HttpClient http, HttpRequest r,
      ConcurrentLinkedQueue<Long> nanos, AtomicInteger errors) {
    long t0 = System.nanoTime();
    return http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, e) -> {
      nanos.add(System.nanoTime() - t0);
      if (e != null) {
        errors.incrementAndGet();
      }
    });
  }

  private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
    long[] out = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  private static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}

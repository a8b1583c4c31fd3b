package io.doorman.slack.bench;

import io.doorman.decisions.Decisions;
import io.doorman.decisions.FollowUps;
import io.doorman.decisions.Questions;
import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.lease.Lease;
import io.doorman.outbox.Backoff;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Relay;
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
import io.doorman.slack.signing.SlackSignatureVerifier;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server side of {@link SlackLoadBench}, in its own JVM (run with -Xmx128m): the store, the
 * Slack app and Jetty as {@code doorman run} has them, with the fake Slack Web API. Prints {@code
 * READY port firstId lastId} once it answers (or, asked for no invitations, {@code STARTUP ms …}
 * and stops), takes {@code START} and {@code REPORT} on standard
 * input, and reports its own measurements and checks, ending with {@code END}.
 */
public final class SlackLoadServer {

  static final String CHANNEL = "C0BENCH";
  static final int MEMBERS = 20;

  private SlackLoadServer() {}

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

  static String member(int i) {
    return String.format("U%07d", i % MEMBERS);
  }

  public static void main(String[] args) throws Exception {
    int invitations = Integer.parseInt(args[0]);
    // With a data directory from an earlier run, the start-up measured is a restart's.
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("doorman-slack-bench");
    try (FakeSlackApi slack = new FakeSlackApi(Set.of(CHANNEL))) {
      String[] members = new String[MEMBERS];
      for (int i = 0; i < MEMBERS; i++) {
        members[i] = member(i);
      }
      slack.members(CHANNEL, members);
      Map<String, String> config = Map.of("slack.bot-token", FakeSlackApi.TOKEN, "slack.signing-secret",
          SlackHarness.SECRET, "slack.api-url", slack.url(), "slack.channel", CHANNEL);
      Clock clock = Clock.systemUTC();

      // The client stands in for Slack: its own start (one request to the fake Web API, which is
      // up already) is not the server's.
      HttpClient client = HttpClient.newHttpClient();
      client.send(HttpRequest.newBuilder(URI.create(slack.url())).GET().build(), HttpResponse.BodyHandlers.discarding());
      // ---- start-up: store, Slack app, Jetty, first request answered
      long startup = System.nanoTime();
      SlackApp.warmUpInBackground(); // as doorman run does when Slack is on
      Database db = Database.h2File(dir);
      long storeReady = System.nanoTime();
      Invitations store = new Invitations(db);
      Policy policy = Policy.defaults();
      Events events = new Events();
      Questions questions = new Questions(policy);
      Decisions decisions = new Decisions(db, questions, events, clock, policy.followUpAfter());
      FollowUps followUps = new FollowUps(store, decisions, clock, policy.followUpAfter(), policy.autoDeclineAfter());
      long policyReady = System.nanoTime();
      Outbox outbox = new Outbox(db, clock);
      SlackApp app = new SlackApp(SlackSettings.from(k -> Optional.ofNullable(config.get(k))).orElseThrow(),
          new SlackApp.Parts(db, store, decisions, followUps, questions, events, outbox, clock));
      Relay relay = new Relay(outbox, new Lease(db, "outbox", Lease.nodeName(), clock, Relay.LEASE),
          List.of(app.sender()), Backoff.standard(), clock, Relay.Watcher.NONE);
      outbox.onEnqueued(relay::wake);
      long appReady = System.nanoTime();
      Timed timed = new Timed(app.servlet());
      // A bounded pool, as `doorman run` should have: a burst queues instead of piling up threads.
      Server jetty = new Server(new QueuedThreadPool(64, 8));
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      jetty.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.addServlet(new ServletHolder(timed), "/slack/events");
      jetty.setHandler(context);
      jetty.start();
      long jettyReady = System.nanoTime();
      app.start();
      relay.start();
      URI endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/slack/events");
      String help = "token=x&team_id=T0TEST&channel_id=" + CHANNEL + "&user_id=" + members[0]
          + "&command=%2Fdoorman&text=help&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=1.2.3";
      String ts = Long.toString(clock.instant().getEpochSecond());
      HttpRequest first = HttpRequest.newBuilder(endpoint)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Slack-Request-Timestamp", ts)
          .header("X-Slack-Signature", new SlackSignatureVerifier(SlackHarness.SECRET, clock)
              .sign(ts, help.getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofString(help)).build();
      long requestBuilt = System.nanoTime();
      int status = client.send(first, HttpResponse.BodyHandlers.ofString()).statusCode();
      long ready = System.nanoTime();
      String startupLine = String.format(
          "start-up to ready: %d ms (store %d ms, policy %d ms, SlackApp %d ms, Jetty %d ms, app start + request"
              + " built %d ms, first request %d ms; first request answered %d; JVM uptime %d ms, CPU %d ms)",
          (ready - startup) / 1_000_000, (storeReady - startup) / 1_000_000, (policyReady - storeReady) / 1_000_000,
          (appReady - policyReady) / 1_000_000, (jettyReady - appReady) / 1_000_000,
          (requestBuilt - jettyReady) / 1_000_000, (ready - requestBuilt) / 1_000_000, status,
          ManagementFactory.getRuntimeMXBean().getUptime(),
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
              / 1_000_000);
      timed.nanos.clear();
      if (invitations == 0) { // start-up only: measured, then a clean stop
        System.out.println("STARTUP " + (ready - startup) / 1_000_000 + " " + startupLine);
        System.out.flush();
        jetty.stop();
        relay.close();
        app.close();
        db.close();
        return;
      }

      // ---- the invitations to click on
      long firstId = 0;
      long lastId = 0;
      // Stored as every source stores them, with their event: their cards are enqueued and posted meanwhile.
      try (Ingestion.Batch batch = new Ingestion(db, clock).batch(500)) {
        for (int i = 0; i < invitations; i++) {
          Origin origin = new Origin("bench#" + i, Optional.empty(), Optional.of("Alex Morgan"),
              Authenticity.LINKEDIN, Optional.empty(), Language.EN);
          Person sender = new Person("Sender " + i, Optional.of("Engineer"), Optional.empty(),
              Optional.of("https://www.linkedin.com/in/bench-" + i));
          Ingestion.Ingested ingested = batch.ingest(new Invitation(origin, sender, OptionalInt.empty(), Optional.empty(),
              Optional.empty(), Optional.of("bench-" + i), false), new Verdict(Category.NO_NOTE, Action.ASK, List.of("no note")));
          events.emit(batch.tx(), new Event.InvitationStored(ingested.invitationId(), true, 1, "no-note",
              origin.recipient()));
          long id = ingested.invitationId();
          firstId = i == 0 ? id : firstId;
          lastId = id;
        }
      }
      System.out.println("READY " + connector.getLocalPort() + " " + firstId + " " + lastId);
      System.out.flush();

      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = 0;
      long[] gcAtStart = {0, 0};
      long wallStart = 0;
      String line;
      while ((line = in.readLine()) != null && !line.equals("REPORT")) {
        if (line.equals("START")) {
          cpuStart = os.getProcessCpuTime();
          wallStart = System.nanoTime();
          timed.nanos.clear();
          gcAtStart = gcStats();
        }
      }
      double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
      double wallS = (System.nanoTime() - wallStart) / 1e9;

      // ---- correctness: each invitation decided once, by one audit row
      int decided = 0;
      int wrongHistory = 0;
      for (long id = firstId; id <= lastId; id++) {
        State state = store.find(id).orElseThrow().state();
        decided += state == State.ACCEPTED || state == State.DECLINED ? 1 : 0;
        wrongHistory += store.history(id).size() == 2 ? 0 : 1;
      }
      System.gc();
      long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long[] gcNow = gcStats();
      long gcCount = gcNow[0] - gcAtStart[0];
      long gcMillis = gcNow[1] - gcAtStart[1];
      long[] server = timed.nanos.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(server);
      int requests = server.length;

      System.out.println("  " + startupLine);
      System.out.printf("  server-side ack while measured: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d requests)%n",
          ms(server, 0.50), ms(server, 0.99), ms(server, 0.999), ms(server, 1.0), requests);
      System.out.printf("  server CPU during the load: %.0f ms in %.1f s = %.2f ms per request (fake Slack included);"
          + " machine load average %.1f on %d cores%n", cpuMs, wallS, cpuMs / Math.max(1, requests),
          os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
      System.out.printf("  decisions: %d of %d invitations decided, %d with other than exactly one decision%n",
          decided, lastId - firstId + 1, wrongHistory);
      System.out.printf("  ephemeral notices sent: %d; cards posted meanwhile: %d%n",
          slack.calls("chat.postEphemeral").size(), slack.calls("chat.postMessage").size());
      System.out.printf("  server heap after GC: %d MB of max %d MB; while measured, %d collections, %d ms in all%n",
          heapUsed >> 20, Runtime.getRuntime().maxMemory() >> 20, gcCount, gcMillis);
      List<String> missed = new java.util.ArrayList<>();
      if (decided != lastId - firstId + 1 || wrongHistory != 0) {
        missed.add("not every decision stored exactly once");
      }
      if (ms(server, 0.99) > 25 || ms(server, 0.999) > 100) {
        missed.add("ack p99 over 25 ms or p99.9 over 100 ms");
      }
      System.out.println("  server targets missed: " + (missed.isEmpty() ? "none" : String.join("; ", missed)));
      System.out.println("SERVER " + (missed.isEmpty() ? "PASS" : "FAIL") + " " + slack.calls("chat.postEphemeral").size());
      System.out.println("END");
      System.out.flush();
      jetty.stop();
      relay.close();
      app.close();
    }
  }

  /** Collections so far and the milliseconds they took. */
  private static long[] gcStats() {
    long count = 0;
    long millis = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}

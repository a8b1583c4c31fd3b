package io.doorman.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.doorman.decisions.Decisions;
import io.doorman.decisions.FollowUps;
import io.doorman.decisions.Questions;
import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.lease.Lease;
import io.doorman.outbox.Backoff;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Relay;
import io.doorman.policies.Invitation;
import io.doorman.policies.Verdict;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.Outcome;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.intake.Intake;
import io.doorman.intake.Stored;
import io.doorman.intake.Taken;
import io.doorman.policies.engine.Policy;
import io.doorman.slack.signing.SlackSignatureVerifier;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import io.doorman.store.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Doorman's Slack side against real peers on loopback: an H2 file store, the fake Slack Web API,
 * the real SlackApp mounted in a real Jetty 12 ee10 context on port 0, and signed requests.
 */
public final class SlackHarness implements AutoCloseable {

  public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  public static final String CHANNEL = "C0SCREEN";

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  public final Policy policy = Policy.defaults();
  public final FakeSlackApi slack;
  public final Path dataDir;
  public Database db;
  public Invitations store;
  public Ingestion ingestion;
  private Events events;
  public FollowUps followUps;
  public Decisions decisions;
  public Outbox outbox;
  public Relay relay;
  public SlackApp app;
  private Server jetty;
  private final Map<String, String> config = new HashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SlackSignatureVerifier signer;
  private int emails;

  private final java.util.function.Supplier<Database> databases;

  public SlackHarness(Path dataDir, Set<String> channels, Map<String, String> extraConfig) throws Exception {
    this(() -> Database.h2File(dataDir), dataDir, channels, extraConfig);
  }

  /** On another database (PostgreSQL): {@code databases} opens the same one again on each restart. */
  public SlackHarness(java.util.function.Supplier<Database> databases, Path dataDir, Set<String> channels,
      Map<String, String> extraConfig) throws Exception {
    this.databases = databases;
    this.dataDir = dataDir;
    this.slack = new FakeSlackApi(channels);
    this.signer = new SlackSignatureVerifier(SECRET, clock);
    config.put("slack.bot-token", FakeSlackApi.TOKEN);
    config.put("slack.signing-secret", SECRET);
    config.put("slack.api-url", slack.url());
    config.putAll(extraConfig);
    open();
  }

  public SlackHarness(Path dataDir) throws Exception {
    this(dataDir, Set.of(CHANNEL), Map.of("slack.channel", CHANNEL));
  }

  /** Opens the store and starts the app and Jetty (again, after {@link #stopApp()}: a restart). */
  public void open() throws Exception {
    db = databases.get();
    store = new Invitations(db);
    ingestion = new Ingestion(db, clock);
    SlackApp.Parts parts = parts(db, store);
    events = parts.events();
    decisions = parts.decisions();
    followUps = parts.followUps();
    outbox = parts.outbox();
    Function<String, Optional<String>> lookup = key -> Optional.ofNullable(config.get(key));
    app = new SlackApp(SlackSettings.from(lookup).orElseThrow(), parts, Duration.ZERO);
    relay = relay(db, outbox, app, "node-a");
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(app.servlet()), "/slack/events");
    jetty.setHandler(context);
    jetty.start();
  }

  /** The application's parts on {@code db}, as {@code doorman run} builds them for Slack. */
  private SlackApp.Parts parts(Database db, Invitations store) {
    Events events = new Events();
    Questions questions = new Questions(policy);
    Decisions d = new Decisions(db, questions, events, clock, policy.followUpAfter());
    FollowUps f = new FollowUps(store, d, clock, policy.followUpAfter(), policy.autoDeclineAfter());
    return new SlackApp.Parts(db, store, d, f, questions, events, new Outbox(db, clock), clock);
  }

  /** The outbox's relay of one node, delivering its Slack effects, as {@code doorman run} builds it. */
  private Relay relay(Database db, Outbox outbox, SlackApp app, String node) {
    Relay r = new Relay(outbox, new Lease(db, "outbox", node, clock, Relay.LEASE), List.of(app.sender()),
        Backoff.standard(), clock, Relay.Watcher.NONE);
    outbox.onEnqueued(r::wake);
    return r;
  }

  /**
   * An invitation stored the way every source stores one, in a batch with its event (so Slack's
   * effects are enqueued with it); its id.
   */
  public long store(Invitation invitation, Verdict verdict) {
    try (Ingestion.Batch batch = ingestion.batch(1)) {
      Ingestion.Ingested i = batch.ingest(invitation, verdict);
      events.emit(batch.tx(), new Event.InvitationStored(i.invitationId(), i.isNew(), i.sightings(),
          verdict.category().wireName(), invitation.origin().recipient()));
      batch.commit();
      return i.invitationId();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** A decision made elsewhere (the console, say), through the decision service. */
  public Outcome decide(long id, Decision decision, Actor actor) {
    return decisions.decide(new Decisions.Request(id, decision, actor));
  }

  /** Another Doorman node on the same database: its own Slack app, outbox relay and database pool. */
  public record Node(SlackApp app, Relay relay, Database db) implements AutoCloseable {
    /** One outbox round of this node. */
    public int drainOnce() {
      return relay.drainOnce();
    }

    @Override
    public void close() {
      relay.close();
      app.close();
      db.close();
    }
  }

  /** Another Doorman node on the same database (its own SlackApp and outbox), not started. */
  public Node anotherNode() {
    Database again = databases.get();
    Function<String, Optional<String>> lookup = key -> Optional.ofNullable(config.get(key));
    SlackApp.Parts parts = parts(again, new Invitations(again));
    SlackApp other = new SlackApp(SlackSettings.from(lookup).orElseThrow(), parts, Duration.ZERO);
    return new Node(other, relay(again, parts.outbox(), other, "node-b"), again);
  }

  public void stopApp() throws Exception {
    jetty.stop();
    relay.close();
    app.close();
    db.close();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/slack/events");
  }

  // ------------------------------------------------------------------ email in

  /** An invitation email as LinkedIn sends it, through the one intake path; its invitation id. */
  public long ingestInvitation(String sender, String recipient, String note, String linkedInId) throws Exception {
    String slug = sender.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    String eml = "Date: Mon, 16 Nov 2026 10:01:02 +0000\r\n"
        + "From: \"" + sender + " via LinkedIn\" <invitations@linkedin.com>\r\n"
        + "To: \"" + recipient + "\" <" + recipient.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com>\r\n"
        + "Message-ID: <inv-" + linkedInId + "@linkedin.example>\r\n"
        + "Subject: " + sender + " wants to connect\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Hi " + recipient.split(" ")[0] + ",\r\n\r\n"
        + (note.isEmpty() ? "" : note + "\r\n\r\n")
        + sender + "\r\nProduct Designer at Fennel Studio\r\nMilan, Italy\r\n3 mutual connections\r\n\r\n"
        + "Accept: https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=" + linkedInId + "&sharedKey=k\r\n"
        + "View profile: https://www.linkedin.com/comm/in/" + slug + "\r\n\r\n"
        + "This email was intended for " + recipient + "\r\n";
    Taken taken = new Intake(new MailReader(), policy, ingestion, events)
        .take(new RawMail("test-" + emails++ + ".eml", eml.getBytes(StandardCharsets.UTF_8)));
    for (Stored s : taken.stored()) {
      if (s instanceof Stored.InvitationStored i) {
        return i.invitationId();
      }
    }
    throw new AssertionError("not read as an invitation: " + taken);
  }

  /** An email file (e.g. one of the repo's samples) through the intake; its first invitation id. */
  public long ingestFile(Path eml) throws Exception {
    Taken taken = new Intake(new MailReader(), policy, ingestion, events)
        .take(new RawMail(eml.getFileName().toString(), java.nio.file.Files.readAllBytes(eml)));
    for (Stored s : taken.stored()) {
      if (s instanceof Stored.InvitationStored i) {
        return i.invitationId();
      }
    }
    throw new AssertionError("not read as an invitation: " + taken);
  }

  /** A LinkedIn message notification from {@code sender}: their answer. */
  public void ingestMessage(String sender, String recipient, String text) throws Exception {
    String eml = "Date: Mon, 16 Nov 2026 12:00:00 +0000\r\n"
        + "From: \"" + sender + " via LinkedIn\" <messages-noreply@linkedin.com>\r\n"
        + "To: \"" + recipient + "\" <alex@example.com>\r\n"
        + "Message-ID: <msg-" + emails + "@linkedin.example>\r\n"
        + "Subject: " + sender + " sent you a new message\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\n"
        + "Hi " + recipient.split(" ")[0] + ",\r\n\r\n" + sender + " sent you a new message:\r\n\r\n" + text + "\r\n\r\n"
        + "View message: https://www.linkedin.com/messaging/thread/2-abc\r\n";
    new Intake(new MailReader(), policy, ingestion, events).take(new RawMail("msg-" + emails++ + ".eml", eml.getBytes(StandardCharsets.UTF_8)));
  }

  // ------------------------------------------------------------------ requests in

  /** POSTs {@code body} signed now (or at {@code timestamp}); status code and body. */
  public HttpResponse<String> post(String body, String contentType, long timestamp, Optional<String> signature,
      Map<String, String> headers) throws Exception {
    String ts = Long.toString(timestamp);
    HttpRequest.Builder r = HttpRequest.newBuilder(endpoint())
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", signature.orElseGet(() -> signer.sign(ts, body.getBytes(StandardCharsets.UTF_8))))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(r::header);
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String body, String contentType) throws Exception {
    return post(body, contentType, clock.instant().getEpochSecond(), Optional.empty(), Map.of());
  }

  /** A signed button click, as Slack sends it, and the response. */
  public HttpResponse<String> click(String actionId, long invitationId, String userId, String channel) throws Exception {
    return post(clickBody(actionId, invitationId, userId, channel), "application/x-www-form-urlencoded");
  }

  private static int actions;

  public static String clickBody(String actionId, long invitationId, String userId, String channel) {
    JsonObject p = new JsonObject();
    p.addProperty("type", "block_actions");
    p.add("team", object("id", "T0TEST", "domain", "doorman-test"));
    p.add("user", object("id", userId, "username", userId.toLowerCase(java.util.Locale.ROOT), "team_id", "T0TEST"));
    p.addProperty("api_app_id", "A0DOORMAN");
    p.addProperty("token", "legacy-verification-token");
    p.add("container", object("type", "message", "message_ts", "1700000000.000101", "channel_id", channel));
    p.addProperty("trigger_id", "1337." + (++actions) + ".abcdef");
    p.add("channel", object("id", channel, "name", "screening"));
    p.add("message", object("type", "message", "ts", "1700000000.000101"));
    p.addProperty("response_url", "https://hooks.slack.com/actions/T0TEST/1/abc");
    JsonArray list = new JsonArray();
    JsonObject action = object("action_id", actionId, "block_id", "actions-" + invitationId,
        "value", Long.toString(invitationId), "type", "button", "action_ts", "1700000000." + actions);
    list.add(action);
    p.add("actions", list);
    return "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
  }

  /** The Ask modal submitted with {@code question}, signed, and the response. */
  public HttpResponse<String> submitAsk(long invitationId, String userId, String question) throws Exception {
    return post(askSubmissionBody(invitationId, userId, question), "application/x-www-form-urlencoded");
  }

  /** The body of the Ask modal's submission, as Slack sends it. */
  public static String askSubmissionBody(long invitationId, String userId, String question) {
    JsonObject p = new JsonObject();
    p.addProperty("type", "view_submission");
    p.add("team", object("id", "T0TEST", "domain", "doorman-test"));
    p.add("user", object("id", userId, "username", userId.toLowerCase(java.util.Locale.ROOT), "team_id", "T0TEST"));
    p.addProperty("api_app_id", "A0DOORMAN");
    p.addProperty("token", "legacy-verification-token");
    p.addProperty("trigger_id", "1337." + (++actions) + ".abcdef");
    JsonObject view = object("id", "V0ASK" + actions, "type", "modal", "callback_id", "doorman.ask-modal",
        "private_metadata", Long.toString(invitationId), "team_id", "T0TEST", "hash", "h" + actions);
    JsonObject input = object("type", "plain_text_input", "value", question);
    JsonObject block = new JsonObject();
    block.add("question-text", input);
    JsonObject values = new JsonObject();
    values.add("question", block);
    JsonObject state = new JsonObject();
    state.add("values", values);
    view.add("state", state);
    p.add("view", view);
    return "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
  }

  static JsonObject object(String... keyValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keyValues.length; i += 2) {
      o.addProperty(keyValues[i], keyValues[i + 1]);
    }
    return o;
  }

  /** One outbox round; the number of effects it handed to Slack's sender. */
  public int drainOnce() {
    return relay.drainOnce();
  }

  /** Waits until the outbox has nothing left to deliver (rounds with nothing to hand over), with a deadline. */
  public void drain() {
    for (int i = 0; i < 10_000; i++) {
      if (relay.drainOnce() == 0 && relay.drainOnce() == 0) {
        return;
      }
    }
    throw new AssertionError("the outbox never ran dry");
  }

  public List<FakeSlackApi.Call> calls(String method) {
    return slack.calls(method);
  }

  @Override
  public void close() throws Exception {
    stopApp();
    slack.close();
  }
}

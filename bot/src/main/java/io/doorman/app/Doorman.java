package io.doorman.app;

import io.doorman.cli.policy.PolicyFiles;
import io.doorman.config.ConfigException;
import io.doorman.config.Configuration;
import io.doorman.console.ConsoleServlet;
import io.doorman.email.EmailConversations;
import io.doorman.lease.Lease;
import io.doorman.outbox.Backoff;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Relay;
import io.doorman.outbox.Sender;
import io.doorman.decisions.Decisions;
import io.doorman.decisions.FollowUps;
import io.doorman.decisions.Questions;
import io.doorman.events.Event;
import io.doorman.events.Events;
import io.doorman.health.HealthServlet;
import io.doorman.health.Probe;
import io.doorman.health.Status;
import io.doorman.http.WebServer;
import io.doorman.inbox.InboxWatcher;
import io.doorman.ingest.Limits;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.imap.Disposition;
import io.doorman.ingest.imap.MailHandler;
import io.doorman.intake.Intake;
import io.doorman.mail.ImapIntake;
import io.doorman.mail.MailConversation;
import io.doorman.mail.MailRouter;
import io.doorman.mail.gmail.ForwardingConfirmations;
import io.doorman.metrics.DoormanMetrics;
import io.doorman.metrics.MetricsServlet;
import io.doorman.learning.LearningStore;
import io.doorman.learning.NightlyRetrain;
import io.doorman.learning.Retraining;
import io.doorman.learning.StoredModels;
import io.doorman.policies.engine.Policy;
import io.doorman.policies.learning.Trainer;
import io.doorman.policies.language.PolicyException;
import io.doorman.slack.SlackApp;
import io.doorman.slack.SlackSettings;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of {@code doorman run}: builds the store, policy, intake, sources,
 * scheduler and web server from the configuration, starts them in order and stops them in reverse.
 *
 * <p>To add a part (Slack, IMAP, SMTP): build it in {@link #build} from {@code config.lookup()}, mount its
 * servlet on {@code web} (before start), subscribe it to {@code followUps}, add a task to {@code
 * ticker}, and add it to {@code components}; see the marked places there.
 */
public final class Doorman implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Doorman.class);

  /** How often the scheduler runs what is due. */
  static final Duration TICK = Duration.ofMinutes(1);

  private final Configuration config;
  private final Invitations store;
  private final Database database;
  private final Intake intake;
  private final Policy policy;
  private final Events events = new Events();
  private final Decisions decisions;
  private final Outbox outbox;
  private final Relay relay;
  private final FollowUps followUps;
  private final DoormanMetrics metrics;
  private final WebServer web;
  private final Ticker ticker;
  /** Started in this order, closed in reverse: sources last, so they stop first. */
  private final List<Component> components = new ArrayList<>();
  /** Start-up lines for what has no component: parts that are off, or on without a thread. */
  private final List<String> notes = new ArrayList<>();
  private final List<Component> started = new ArrayList<>();
  private boolean closed;

  private Doorman(Configuration config, Clock clock, Timing timing) {
    this.config = config;
    // Doorman's own settings, blank meaning unset; the parts built here get config.lookup() (as given).
    Function<String, Optional<String>> given = config::given;
    Function<String, Optional<String>> lookup = config.lookup();
    if (lookup.apply("slack.bot-token").isPresent()) {
      SlackApp.warmUpInBackground(); // while the store opens and the policy loads
    }
    Plan plan = new Plan(config);

    String bind = given.apply("http.bind").orElse("127.0.0.1");
    Optional<String> consoleToken = given.apply("console.token");
    if (!WebServer.isLoopback(bind) && consoleToken.isEmpty()) {
      throw new ConfigException(List.of(
          "http.bind is " + bind + ", which is reachable beyond this machine: set console.token"
              + " (DOORMAN_CONSOLE_TOKEN) so the console asks for it, or bind to 127.0.0.1"));
    }
    int port = Integer.parseInt(given.apply("http.port").orElse("8080"));

    // ---- policy, then store (a bad policy file stops Doorman before anything is opened)
    Policy rules = loadPolicy(given.apply("policy.file"));
    this.database = given.apply("db.url")
        .map(url -> Database.at(url, given.apply("db.user"), given.apply("db.password")))
        .orElseGet(() -> Database.h2File(Path.of(given.apply("data.dir").orElse("./data"))));
    this.store = new Invitations(database);
    // ---- learned models: the policy consults each team's active one (doorman learn)
    LearningStore learning = new LearningStore(database);
    StoredModels models = new StoredModels(learning);
    this.policy = rules.withLearning(models);
    this.metrics = new DoormanMetrics();
    this.intake = new Intake(new MailReader(), policy, new Ingestion(database, clock), events);
    Questions questions = new Questions(policy);
    this.decisions = new Decisions(database, questions, events, clock, policy.followUpAfter());
    this.outbox = new Outbox(database, clock);
    events.listen(metrics::heard); // emails of every source, decisions of every channel, follow-ups
    this.followUps = new FollowUps(store, decisions, clock, policy.followUpAfter(), policy.autoDeclineAfter());

    // ---- web server: console (mounted with the outbox, below), health, metrics
    this.web = new WebServer(bind, port);
    web.mount("/healthz", HealthServlet.alive());
    web.mount("/readyz", HealthServlet.ready(this::probes));
    web.mount("/metrics", new MetricsServlet(metrics.registry()));

    // ---- scheduler: follow-ups every tick; learned models read again when changed, retrained daily
    this.ticker = new Ticker(followUps, metrics, timing.tick(), clock);
    components.add(ticker);
    ticker.every(new NightlyRetrain(learning,
        new Retraining(learning, Trainer.Settings.defaults(), clock), models, clock));

    // ---- Slack: cards posted from the store, clicks on /slack/events (or Socket Mode)
    Optional<SlackSettings> slackSettings = settings(() -> SlackSettings.from(lookup));
    SlackApp.Parts slackParts =
        new SlackApp.Parts(database, store, decisions, followUps, questions, events, outbox, clock);
    Optional<SlackApp> slackApp = slackSettings.map(s -> new SlackApp(s, slackParts));
    if (slackApp.isPresent()) {
      SlackApp slack = slackApp.get();
      slack.timeApiCalls(metrics::slackCall);
      web.mount("/slack/events", slack.servlet());
      String where = slackSettings.get().socketMode() ? "Socket Mode" : "/slack/events";
      components.add(Component.of("slack", where, slack::start, () -> Status.ready(where), slack));
    } else {
      notes.add("Slack: " + plan.slack());
    }

    // ---- email conversations: replies to forwarders, answers by email, nudges, the daily digest
    Optional<EmailConversations> email = settings(() -> EmailConversations.fromConfig(lookup,
        new EmailConversations.Parts(database, store, decisions, questions, events, outbox, clock)));
    email.ifPresent(e -> ticker.every(() -> e.sendDigestIfDue(clock.instant())));
    notes.add("SMTP: " + (email.isPresent() ? "on, replying to " + lookup.apply("email.allow").orElse("nobody")
        : plan.smtp()));

    // ---- mail sources last: started after everything they feed, stopped first.
    ForwardingConfirmations confirmations = new ForwardingConfirmations(clock);
    // The code only: a link in an email that merely claims to be Google's is not one to click.
    slackApp.ifPresent(slack -> confirmations.subscribe(c -> slack.tellAdmins("gmail:" + c.code(),
        "Gmail asks to confirm that " + c.requestedBy().orElse("someone") + " may forward mail to Doorman's"
            + " mailbox. Confirmation code: " + c.code() + " (enter it in that Gmail account's settings,"
            + " Forwarding and POP/IMAP, if you expect it).")));
    // ---- the outbox: every effect of every channel, delivered by one node at a time
    List<Sender> senders = new ArrayList<>();
    slackApp.ifPresent(s -> senders.add(s.sender()));
    email.ifPresent(e -> senders.add(e.sender()));
    this.relay = new Relay(outbox, Lease.forThisProcess(database, "outbox", clock, Relay.LEASE), senders,
        Backoff.standard(), clock, metrics::parked);
    outbox.onEnqueued(relay::wake);
    metrics.countPending(outbox::pending);
    components.add(Component.of("outbox", "delivering " + (senders.isEmpty() ? "nothing (no channel is on)"
        : slackApp.map(s -> "Slack").orElse("") + (slackApp.isPresent() && email.isPresent() ? " and " : "")
            + email.map(e -> "email").orElse("")), relay::start, relay::status, relay));
    web.mount("/", new ConsoleServlet(store, decisions, questions, new ConsoleServlet.DeadLetters(outbox, relay::resume),
        consoleToken, given.apply("console.operator").orElseGet(Doorman::machineUser)));

    MailRouter router = new MailRouter(intake, confirmations,
        email.<MailConversation>map(e -> e).orElse(MailConversation.NONE));
    MailHandler counted = raw -> {
      Disposition d = router.handle(raw);
      if (d == Disposition.FAILED || d == Disposition.UNREADABLE) {
        metrics.error("imap");
      }
      return d;
    };
    Optional<ImapIntake> imap = settings(() -> ImapIntake.fromConfig(lookup, counted, database, clock));
    if (imap.isPresent()) {
      ImapIntake source = imap.get();
      components.add(Component.of("imap", source.status().mailbox(), source::start,
          () -> source.status().ready() ? Status.ready(source.status().role().name().toLowerCase(java.util.Locale.ROOT))
              : Status.notReady(String.valueOf(source.status())), source));
    } else {
      notes.add("IMAP: " + plan.imap());
    }

    Path inboxDir = Path.of(given.apply("inbox.dir").orElse("./inbox"));
    InboxWatcher inbox = new InboxWatcher(
        inboxDir, intake, metrics, Limits.DEFAULTS.maxMessageBytes(), timing.rescan(), timing.settle(), clock);
    components.add(Component.of("inbox", inboxDir + " (watching)", inbox::start, inbox::status, inbox));
  }

  /** A component's settings; a bad value becomes a configuration error naming its key. */
  private static <T> Optional<T> settings(java.util.function.Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(List.of(e.getMessage()));
    }
  }

  /** Timings that tests shorten. */
  record Timing(Duration tick, Duration rescan, Duration settle) {
    static final Timing DEFAULT = new Timing(TICK, Duration.ofSeconds(5), Duration.ofMillis(500));
  }

  /** Builds everything from the configuration (opening and migrating the store); starts nothing. */
  public static Doorman build(Configuration config, Clock clock) {
    return new Doorman(config, clock, Timing.DEFAULT);
  }

  static Doorman build(Configuration config, Clock clock, Timing timing) {
    return new Doorman(config, clock, timing);
  }

  /** Starts the web server, then each component; if one fails, what was started is stopped. */
  public synchronized List<String> start() throws Exception {
    List<String> lines = new ArrayList<>();
    try {
      database.awaitReady(); // migrated meanwhile, while the rest was built
      lines.add("store: " + new Plan(config).store() + " (" + database.dialectName() + ")");
      lines.add("policy: " + new Plan(config).policy());
      web.start();
      for (Component c : components) {
        c.start();
        started.add(c);
        lines.add(c.name() + ": " + c.where());
      }
      lines.add("console: " + web.uri());
      lines.add("health: " + web.uri().resolve("/healthz") + " · " + web.uri().resolve("/readyz") + " · "
          + web.uri().resolve("/metrics"));
      lines.addAll(notes);
      return lines;
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /**
   * Stops taking mail (sources first, each finishing the email in hand), then the scheduler, then
   * the web server (requests in flight finish), then the store's connections. Every commit is
   * already on disk.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = started.size() - 1; i >= 0; i--) {
      Component c = started.get(i);
      try {
        c.close();
      } catch (Exception e) {
        log.warn("stopping {}: {}", c.name(), e.toString());
      }
    }
    try {
      web.close();
    } catch (Exception e) {
      log.warn("stopping the web server: {}", e.toString());
    }
    database.close(); // last: every part that writes has stopped
  }

  private List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe("store", () -> {
      store.ping();
      return Status.ready(database.dialectName());
    }));
    for (Component c : components) {
      probes.add(new Probe(c.name(), c::status));
    }
    return probes;
  }

  private static Policy loadPolicy(Optional<String> file) {
    try {
      return PolicyFiles.load(file.map(Path::of));
    } catch (PolicyException e) {
      List<String> problems = new ArrayList<>();
      e.errors().forEach(error -> problems.add("policy.file: " + error));
      throw new ConfigException(problems);
    }
  }

  /** Who uses this machine: the console's operator unless {@code console.operator} says otherwise. */
  static String machineUser() {
    String user = System.getProperty("user.name", "");
    return user.isBlank() ? "console" : user;
  }

  public URI consoleUri() {
    return web.uri();
  }

  public Invitations store() {
    return store;
  }

  public Intake intake() {
    return intake;
  }

  public FollowUps followUps() {
    return followUps;
  }

  public Decisions decisions() {
    return decisions;
  }

  public Outbox outbox() {
    return outbox;
  }

  public Policy policy() {
    return policy;
  }
}

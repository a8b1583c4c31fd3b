package io.doorman.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.listener.HttpResponseListener;
import io.doorman.decisions.Decisions;
import io.doorman.decisions.FollowUps;
import io.doorman.decisions.Questions;
import io.doorman.events.Events;
import io.doorman.outbox.Outbox;
import io.doorman.outbox.Sender;
import io.doorman.slack.delivery.CardStore;
import io.doorman.slack.delivery.Routing;
import io.doorman.slack.delivery.SlackEffects;
import io.doorman.slack.delivery.SlackSender;
import io.doorman.slack.signing.SlackSignatureVerifier;
import io.doorman.store.Database;
import io.doorman.store.Invitations;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Doorman's Slack bot, in one object: mount {@link #servlet()} at {@code /slack/events}, call
 * {@link #start()} to begin posting (and, with {@code slack.app-token}, to connect in Socket Mode),
 * {@link #close()} to stop. Cards, updates and thread posts come from the database (see {@link
 * Outbox}), so invitations stored by any path (CLI, IMAP, inbox directory) reach Slack, and nothing
 * is lost across a restart.
 */
public final class SlackApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SlackApp.class);
  /** Slack's documented pace for chat.postMessage: about one message per second per channel. */
  static final Duration SLACK_PACE = Duration.ofSeconds(1);

  private final SlackSettings settings;
  private final Slack slack;
  private final App app;
  private final SlackEffects effects;
  private final SlackSender sender;
  private final SlackEndpoint endpoint;
  private final MethodsClient client;
  private final ThreadPoolExecutor afterAck;
  private Optional<SocketModeApp> socketMode = Optional.empty();
  /** Asked as soon as the app is built, so the round trip overlaps the rest of the start-up. */
  private final CompletableFuture<Optional<String>> tokenCheck;
  private volatile BiConsumer<String, Duration> apiCallTimes = (method, took) -> {};

  /** The parts of the application Slack works with. */
  public record Parts(Database db, Invitations store, Decisions decisions, FollowUps followUps,
      Questions questions, Events events, Outbox outbox, Clock clock) {}

  public SlackApp(SlackSettings settings, Parts parts) {
    this(settings, parts, SLACK_PACE);
  }

  SlackApp(SlackSettings settings, Parts parts, Duration pace) {
    this.settings = settings;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setStatsEnabled(false);
    config.setPrettyResponseLoggingEnabled(false);
    config.getHttpClientResponseHandlers().add(new ApiCallTimer());
    this.slack = Slack.getInstance(config);
    this.client = slack.methods(settings.botToken());

    AppConfig appConfig = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret())
        // Doorman's SlackEndpoint verifies first, both ways in time; Bolt's own check is one-sided.
        .requestVerificationEnabled(false)
        .sslCheckEnabled(false)
        .authTestCacheEnabled(true)
        .build();
    this.app = new App(appConfig);

    Routing routing = new Routing(settings.channel(), settings.teams());
    CardStore cards = new CardStore(parts.db(), parts.clock());
    this.effects = new SlackEffects(parts.outbox(), routing, cards, parts.db());
    this.sender = new SlackSender(parts.db(), cards, routing, client, parts.questions(),
        parts.followUps().followUpAfter(), pace);
    parts.events().plan(effects); // cards, updates and thread posts, in each change's own transaction
    this.afterAck = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(10_000), r -> {
      Thread t = new Thread(r, "doorman-slack-after-ack");
      t.setDaemon(true);
      return t;
    }, (task, pool) -> log.warn("slack: too much work after acknowledgements; a notice or modal was dropped"));
    Permissions permissions = new Permissions(client, settings.decide(), cards, routing);
    Interactions interactions = new Interactions(parts.store(), parts.decisions(), parts.questions(), permissions,
        effects, client, afterAck);
    interactions.register(app);
    new Home(parts.store(), parts.followUps(), client, afterAck, parts.clock()).register(app);
    this.endpoint = new SlackEndpoint(app, new SlackSignatureVerifier(settings.signingSecret(), parts.clock()),
        interactions::onBlockAction);
    this.tokenCheck = CompletableFuture.supplyAsync(this::askAboutToken, task -> {
      Thread t = new Thread(task, "doorman-slack-token-check");
      t.setDaemon(true);
      t.start();
    });
  }

  /**
   * Loads Slack's HTTP client (OkHttp, Kotlin, TLS set-up: a quarter of a second) on a background
   * thread, so that building the app a moment later is quick; {@code doorman run} calls it first
   * thing when Slack is on, while it opens the store and loads the policy.
   */
  public static void warmUpInBackground() {
    Thread t = new Thread(() -> {
      try (Slack warm = Slack.getInstance(new SlackConfig())) {
        warm.methods();
      } catch (Exception e) {
        log.debug("slack: warm-up: {}", e.toString());
      }
    }, "doorman-slack-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Hands the time of every Slack Web API call from now on, by method ({@code chat.postMessage}),
   * to {@code times}: what {@code doorman run} reports as {@code doorman_slack_api_seconds}.
   */
  public void timeApiCalls(BiConsumer<String, Duration> times) {
    this.apiCallTimes = times;
  }

  /** Each answer from the Web API, timed from request sent to response received. */
  private final class ApiCallTimer extends HttpResponseListener {
    @Override
    public void accept(State state) {
      okhttp3.Response response = state.getResponse();
      List<String> path = response.request().url().pathSegments();
      String method = path.isEmpty() ? "?" : path.get(path.size() - 1);
      apiCallTimes.accept(method,
          Duration.ofMillis(Math.max(0, response.receivedResponseAtMillis() - response.sentRequestAtMillis())));
    }
  }

  /** The servlet for {@code /slack/events} (events, interactivity and the slash command). */
  public HttpServlet servlet() {
    return endpoint;
  }

  /** What delivers Slack's effects from the outbox (paced a second per channel). */
  public Sender sender() {
    return sender;
  }

  /**
   * Checks the bot token with Slack, enqueues (in the background) the cards and updates that no
   * event enqueued (stored or changed while Slack was off), and starts Socket Mode when {@code
   * slack.app-token} is set. A token Slack refuses stops here with an {@link IllegalStateException}
   * naming the setting; Slack out of reach only logs a warning (the outbox retries).
   */
  public synchronized void start() {
    checkToken();
    Thread catchUp = new Thread(() -> {
      try {
        effects.catchUp();
      } catch (RuntimeException e) {
        log.warn("slack: cannot look for invitations stored while Slack was off: {}", e.toString());
      }
    }, "doorman-slack-catch-up");
    catchUp.setDaemon(true);
    catchUp.start();
    if (settings.socketMode() && socketMode.isEmpty()) {
      try {
        SocketModeApp socket = new SocketModeApp(settings.appToken().get(), app);
        socket.startAsync();
        socketMode = Optional.of(socket);
        log.info("slack: connected in Socket Mode");
      } catch (Exception e) {
        throw new IllegalStateException("cannot start Slack's Socket Mode: " + e.getMessage(), e);
      }
    }
  }

  /** Throws when Slack refused the token; the question was asked while the rest started. */
  private void checkToken() {
    tokenCheck.join().ifPresent(refusal -> {
      throw new IllegalStateException(refusal);
    });
  }

  /** Slack's word on the bot token: empty when accepted (or Slack can't be reached), else why not. */
  private Optional<String> askAboutToken() {
    try {
      var r = client.authTest(a -> a);
      if (!r.isOk()) {
        return Optional.of("Slack refused slack.bot-token (" + r.getError()
            + "): copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page");
      }
      log.info("slack: connected to {} as {}", r.getTeam(), r.getUser());
    } catch (java.io.IOException | com.slack.api.methods.SlackApiException e) {
      log.warn("slack: cannot reach Slack at {} to check the token ({}); posting will retry", settings.apiUrl(),
          e.toString());
    }
    return Optional.empty();
  }

  /**
   * A notice for whoever runs Doorman (Gmail's forwarding confirmation code, say), posted to the
   * main channel, or the first team channel when there is none; escaped, no links, no buttons.
   * An outbox effect, once per {@code key}.
   */
  public void tellAdmins(String key, String text) {
    Optional<String> channel = settings.channel().or(() -> settings.teams().keySet().stream().sorted().findFirst());
    if (channel.isEmpty()) {
      log.warn("slack: no channel for a notice to the admins: {}", text);
      return;
    }
    effects.notice(key, channel.get(), text);
  }

  /** Bolt itself, as Socket Mode drives it (tests). */
  App bolt() {
    return app;
  }

  @Override
  public synchronized void close() {
    socketMode.ifPresent(s -> {
      try {
        s.close();
      } catch (Exception e) {
        log.warn("slack: closing Socket Mode: {}", e.toString());
      }
    });
    afterAck.shutdown();
    try {
      afterAck.awaitTermination(5, TimeUnit.SECONDS);
      slack.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("slack: closing the client: {}", e.toString());
    }
  }
}

package io.doorman.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.util.json.GsonFactory;
import io.doorman.slack.signing.SlackSignatureVerifier;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /slack/events}: events, interactivity and the slash command. Verifies the signature with
 * Doorman's own two-sided check before Bolt sees anything (Bolt's one-sided check is off), answers
 * a request already seen (a Slack retry, or a replay inside the five-minute window) with 200 and
 * no effect, then hands the request to Bolt, except button clicks (below).
 *
 * <p>Button clicks, the one request that comes in bursts, skip Bolt's request classes: those build
 * a new Gson and reflect over {@code BlockActionPayload} on every request, measured at about half
 * of a click's CPU. Clicks are parsed here with one shared Gson and go to the same handler Bolt's
 * {@code blockAction} registrations (and Socket Mode) call.
 */
final class SlackEndpoint extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);
  static final int MAX_BODY = 1 << 20;
  private static final String BODY = SlackEndpoint.class.getName() + ".body";

  private final transient App app;
  private final transient SlackSignatureVerifier verifier;
  private final transient Cache<String, Boolean> seen;
  private final transient SlackAppServletAdapter adapter;
  private final transient Consumer<BlockActionPayload> clicks;
  private final transient Gson gson = GsonFactory.createSnakeCase();

  SlackEndpoint(App app, SlackSignatureVerifier verifier, Consumer<BlockActionPayload> clicks) {
    this.app = app;
    this.clicks = clicks;
    this.verifier = verifier;
    // Twice the signature window: a request older than that is refused by its timestamp anyway.
    this.seen = Caffeine.newBuilder().expireAfterWrite(SlackSignatureVerifier.WINDOW.multipliedBy(2))
        .maximumSize(500_000).build();
    this.adapter = new BodyAdapter(app.config());
  }

  /** Bolt's adapter, reading the body Doorman already read and verified. */
  private static final class BodyAdapter extends SlackAppServletAdapter {
    BodyAdapter(AppConfig config) {
      super(config);
    }

    @Override
    protected String doReadRequestBodyAsString(HttpServletRequest req) {
      return (String) req.getAttribute(BODY);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<byte[]> read = read(req.getInputStream());
    if (read.isEmpty()) {
      reply(resp, 413, "{\"ok\":false,\"error\":\"request_too_large\"}");
      return;
    }
    byte[] body = read.get();
    SlackSignatureVerifier.Result check = verifier.verify(
        req.getHeader("X-Slack-Request-Timestamp"), req.getHeader("X-Slack-Signature"), body);
    if (check != SlackSignatureVerifier.Result.VALID) {
      log.info("slack: refused a request from {}: {}", req.getRemoteAddr(), check);
      reply(resp, 401, "{\"ok\":false,\"error\":\"invalid_request\"}");
      return;
    }
    String key = digest(body);
    if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
      log.debug("slack: request seen before (retry {}), answered without effect", req.getHeader("X-Slack-Retry-Num"));
      resp.setStatus(200);
      return;
    }
    try {
      String text = new String(body, StandardCharsets.UTF_8);
      Optional<BlockActionPayload> click = click(text);
      if (click.isPresent()) {
        clicks.accept(click.get());
        resp.setStatus(200);
        return;
      }
      req.setAttribute(BODY, text);
      Request<?> slackRequest = adapter.buildSlackRequest(req);
      Response response = app.run(slackRequest);
      adapter.writeResponse(resp, response);
    } catch (Exception e) {
      // Not done: let Slack's retry through.
      seen.invalidate(key);
      log.error("slack: request failed: {}", e.toString(), e);
      reply(resp, 500, "{\"ok\":false,\"error\":\"internal_error\"}");
    }
  }

  /** A {@code block_actions} interaction, parsed; empty for anything else (Bolt's to parse). */
  private Optional<BlockActionPayload> click(String body) {
    if (!body.startsWith("payload=")) {
      return Optional.empty();
    }
    JsonElement json = JsonParser.parseString(URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8));
    if (!json.isJsonObject() || !json.getAsJsonObject().has("type")
        || !"block_actions".equals(json.getAsJsonObject().get("type").getAsString())) {
      return Optional.empty();
    }
    return Optional.of(gson.fromJson(json, BlockActionPayload.class));
  }

  /** The body, or empty when it is over {@link #MAX_BODY} (Slack's are a few kilobytes). */
  private static Optional<byte[]> read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (out.size() + n > MAX_BODY) {
        return Optional.empty();
      }
      out.write(buffer, 0, n);
    }
    return Optional.of(out.toByteArray());
  }

  private static String digest(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void reply(HttpServletResponse resp, int status, String json) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json; charset=utf-8");
    resp.getWriter().write(json);
  }
}

package io.doorman.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An in-process Slack Web API on loopback, for the real Slack client to talk to: checks the bot
 * token, records every call, keeps the messages it was sent (so {@code chat.update} needs a real
 * {@code ts}), enforces Block Kit's limits with {@code invalid_blocks}, answers {@code
 * channel_not_found} for channels it does not know, and 429 with Retry-After when told to.
 */
public final class FakeSlackApi implements AutoCloseable {

  static {
    // The JDK's server leaves Nagle on: a small reply then waits for the client's delayed ACK,
    // about 40 ms a call. Must be set before its configuration class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public static final String TOKEN = "xoxb-test-token";
  /** The app-level token, good only for {@code apps.connections.open} (Socket Mode). */
  public static final String APP_TOKEN = "xapp-test-token";

  /** One call as Slack received it: the method and its parameters (form fields or JSON members). */
  public record Call(String method, Map<String, String> params) {
    public String param(String name) {
      return params.getOrDefault(name, "");
    }

    /** A parameter that holds JSON ({@code blocks}, {@code view}). */
    public JsonElement json(String name) {
      return JsonParser.parseString(param(name));
    }

    /** Every text in the call's blocks and view, concatenated: what a person would read. */
    public String allText() {
      StringBuilder out = new StringBuilder(param("text")).append('\n');
      for (String key : List.of("blocks", "view")) {
        if (!param(key).isEmpty()) {
          collectText(json(key), out);
        }
      }
      return out.toString();
    }
  }

  /** A message Slack holds: where, its blocks and its thread. */
  public record Posted(String channel, String ts, Optional<String> threadTs, String text, String blocks) {}

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Posted> messages = new LinkedHashMap<>();
  private final Map<String, List<String>> members = new ConcurrentHashMap<>();
  private final Map<String, Integer> rateLimited = new HashMap<>();
  private final Map<String, String> failing = new HashMap<>();

  /** Where a stalled call stops: before Slack does anything with it, or after, before it answers. */
  public enum Stall { BEFORE, AFTER }

  private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
  private volatile java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicInteger stalled = new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, JsonObject> users = new ConcurrentHashMap<>();
  private volatile int retryAfterSeconds = 1;
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000_100L);

  public FakeSlackApi(Set<String> channels) throws IOException {
    for (String channel : channels) {
      members.put(channel, new ArrayList<>());
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "fake-slack");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** The Web API prefix for {@code SlackConfig.setMethodsEndpointUrlPrefix}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Makes {@code userIds} members of {@code channel} (as {@code conversations.members} says). */
  public void members(String channel, String... userIds) {
    members.put(channel, new ArrayList<>(List.of(userIds)));
  }

  /** A user for {@code users.info}. */
  public void user(String id, String realName, String email) {
    JsonObject profile = new JsonObject();
    profile.addProperty("real_name", realName);
    profile.addProperty("display_name", realName);
    profile.addProperty("email", email);
    JsonObject user = new JsonObject();
    user.addProperty("id", id);
    user.addProperty("name", realName.toLowerCase(java.util.Locale.ROOT).replace(' ', '.'));
    user.addProperty("real_name", realName);
    user.add("profile", profile);
    users.put(id, user);
  }

  /** The next {@code times} calls of {@code method} get 429 with Retry-After {@code seconds}. */
  public synchronized void rateLimit(String method, int times, int seconds) {
    rateLimited.put(method, times);
    retryAfterSeconds = seconds;
  }

  /**
   * From now on a call of {@code method} hangs, before Slack takes it or after (then the message
   * is in the channel, but the caller never hears so), until {@link #release()}.
   */
  public void stall(String method, Stall where) {
    released = new java.util.concurrent.CountDownLatch(1);
    stalls.put(method, where);
  }

  /** How many calls are hanging now or hung. */
  public int stalled() {
    return stalled.get();
  }

  /** Hanging calls go on (their callers may be long gone); later calls are answered at once. */
  public void release() {
    stalls.clear();
    released.countDown();
  }

  /** Hangs a stalled call until released; true when it was hung (and so is to be dropped, if BEFORE). */
  private boolean hang(String method, Stall where) {
    if (stalls.get(method) != where) {
      return false;
    }
    stalled.incrementAndGet();
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  /** From now on {@code method} answers {@code error} (as Slack does when the token is revoked, say). */
  public synchronized void fail(String method, String error) {
    failing.put(method, error);
  }

  /** {@code method} answers as usual again. */
  public synchronized void heal(String method) {
    failing.remove(method);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** The messages Slack holds now, in the order they were posted (updates keep their place). */
  public synchronized List<Posted> messages() {
    return List.copyOf(messages.values());
  }

  public synchronized Optional<Posted> message(String channel, String ts) {
    return Optional.ofNullable(messages.get(channel + "/" + ts));
  }

  /** Waits (up to {@code timeout}) until the calls so far satisfy {@code condition}. */
  public synchronized List<Call> await(Duration timeout, Predicate<List<Call>> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(calls)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out waiting for Slack calls; got " + describe(calls));
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(calls);
  }

  /** Waits until {@code method} was called at least {@code n} times; those calls. */
  public List<Call> await(String method, int n) throws InterruptedException {
    await(Duration.ofSeconds(10), cs -> cs.stream().filter(c -> c.method().equals(method)).count() >= n);
    return calls(method);
  }

  private static String describe(List<Call> calls) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    calls.forEach(c -> counts.merge(c.method(), 1, Integer::sum));
    return counts.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  // ------------------------------------------------------------------ the API

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> params = params(exchange, new String(body, StandardCharsets.UTF_8));
    Call call = new Call(method, params);
    if (hang(method, Stall.BEFORE)) {
      exchange.close(); // never taken: as if the request had not arrived
      return;
    }
    String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
        .orElse("Bearer " + params.getOrDefault("token", ""));
    int status = 200;
    JsonObject answer;
    // One step: whoever sees the call recorded also sees its effect.
    synchronized (this) {
      calls.add(call);
      Integer limited = rateLimited.get(method);
      if (limited != null && limited > 0) {
        rateLimited.put(method, limited - 1);
        exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
        status = 429;
        answer = error("ratelimited");
      } else if (failing.containsKey(method)) {
        answer = error(failing.get(method));
      } else if (method.equals("apps.connections.open")) {
        answer = auth.equals("Bearer " + APP_TOKEN) ? socketUrl() : error("invalid_auth");
      } else if (!auth.equals("Bearer " + TOKEN)) {
        answer = error(auth.equals("Bearer ") ? "not_authed" : "invalid_auth");
      } else {
        answer = answer(method, params);
      }
      notifyAll();
    }
    hang(method, Stall.AFTER);
    reply(exchange, status, answer);
  }

  /** A WebSocket URL where nothing listens: Socket Mode's client must try it and give up. */
  private static JsonObject socketUrl() {
    JsonObject ok = ok();
    ok.addProperty("url", "ws://127.0.0.1:9/link/?ticket=test");
    return ok;
  }

  private JsonObject answer(String method, Map<String, String> p) {
    switch (method) {
      case "auth.test": {
        JsonObject ok = ok();
        ok.addProperty("url", "https://doorman-test.slack.com/");
        ok.addProperty("team", "Doorman Test");
        ok.addProperty("user", "doorman");
        ok.addProperty("team_id", "T0TEST");
        ok.addProperty("user_id", "U0BOT");
        ok.addProperty("bot_id", "B0BOT");
        return ok;
      }
      case "chat.postMessage": {
        String channel = p.getOrDefault("channel", "");
        if (!members.containsKey(channel)) {
          return error("channel_not_found");
        }
        Optional<String> problem = BlockKitLimits.check(p.get("blocks"), 50);
        if (problem.isPresent()) {
          return invalidBlocks(problem.get());
        }
        Optional<String> thread = Optional.ofNullable(p.get("thread_ts")).filter(t -> !t.isEmpty());
        if (thread.isPresent() && !messages.containsKey(channel + "/" + thread.get())) {
          return error("thread_not_found");
        }
        String ts = nextTs();
        messages.put(channel + "/" + ts,
            new Posted(channel, ts, thread, p.getOrDefault("text", ""), readable(p.getOrDefault("blocks", "[]"))));
        JsonObject ok = ok();
        ok.addProperty("channel", channel);
        ok.addProperty("ts", ts);
        return ok;
      }
      case "chat.update": {
        String key = p.getOrDefault("channel", "") + "/" + p.getOrDefault("ts", "");
        if (!members.containsKey(p.getOrDefault("channel", ""))) {
          return error("channel_not_found");
        }
        Posted old = messages.get(key);
        if (old == null) {
          return error("message_not_found");
        }
        Optional<String> problem = BlockKitLimits.check(p.get("blocks"), 50);
        if (problem.isPresent()) {
          return invalidBlocks(problem.get());
        }
        messages.put(key, new Posted(old.channel(), old.ts(), old.threadTs(),
            p.getOrDefault("text", old.text()), p.containsKey("blocks") ? readable(p.get("blocks")) : old.blocks()));
        JsonObject ok = ok();
        ok.addProperty("channel", old.channel());
        ok.addProperty("ts", old.ts());
        return ok;
      }
      case "chat.postEphemeral": {
        if (!members.containsKey(p.getOrDefault("channel", ""))) {
          return error("channel_not_found");
        }
        if (p.getOrDefault("user", "").isEmpty()) {
          return error("user_not_in_channel");
        }
        Optional<String> problem = BlockKitLimits.check(p.get("blocks"), 50);
        if (problem.isPresent()) {
          return invalidBlocks(problem.get());
        }
        JsonObject ok = ok();
        ok.addProperty("message_ts", nextTs());
        return ok;
      }
      case "views.open":
      case "views.publish": {
        if (method.equals("views.open") && p.getOrDefault("trigger_id", "").isEmpty()) {
          return error("invalid_trigger_id");
        }
        if (method.equals("views.publish") && p.getOrDefault("user_id", "").isEmpty()) {
          return error("invalid_arguments");
        }
        JsonElement view = JsonParser.parseString(p.getOrDefault("view", "{}"));
        JsonElement blocks = view.isJsonObject() && view.getAsJsonObject().has("blocks")
            ? view.getAsJsonObject().get("blocks") : new JsonArray();
        Optional<String> problem = BlockKitLimits.check(blocks.toString(), 100);
        if (problem.isPresent()) {
          return invalidBlocks(problem.get());
        }
        JsonObject ok = ok();
        JsonObject v = view.isJsonObject() ? view.getAsJsonObject().deepCopy() : new JsonObject();
        v.addProperty("id", "V" + nextTs().replace(".", ""));
        ok.add("view", v);
        return ok;
      }
      case "conversations.members": {
        List<String> ids = members.get(p.getOrDefault("channel", ""));
        if (ids == null) {
          return error("channel_not_found");
        }
        JsonObject ok = ok();
        JsonArray array = new JsonArray();
        ids.forEach(array::add);
        ok.add("members", array);
        JsonObject meta = new JsonObject();
        meta.addProperty("next_cursor", "");
        ok.add("response_metadata", meta);
        return ok;
      }
      case "users.info": {
        JsonObject user = users.get(p.getOrDefault("user", ""));
        if (user == null) {
          return error("user_not_found");
        }
        JsonObject ok = ok();
        ok.add("user", user);
        return ok;
      }
      default:
        return error("unknown_method");
    }
  }

  /** JSON as Slack reads it: {@code \\u003c} is {@code <}. */
  private static String readable(String json) {
    return new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(JsonParser.parseString(json));
  }

  private String nextTs() {
    long micros = clock.incrementAndGet();
    return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
  }

  private static Map<String, String> params(HttpExchange exchange, String body) {
    Map<String, String> out = new LinkedHashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    if (type.startsWith("application/json")) {
      JsonObject json = JsonParser.parseString(body).getAsJsonObject();
      json.entrySet().forEach(e -> out.put(e.getKey(),
          e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
    } else {
      form(body, out);
    }
    if (query != null) {
      form(query, out);
    }
    return out;
  }

  private static void form(String encoded, Map<String, String> out) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
  }

  private static void collectText(JsonElement e, StringBuilder out) {
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> collectText(x, out));
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      for (Map.Entry<String, JsonElement> m : o.entrySet()) {
        if ((m.getKey().equals("text") || m.getKey().equals("url") || m.getKey().equals("initial_value"))
            && m.getValue().isJsonPrimitive()) {
          out.append(m.getValue().getAsString()).append('\n');
        } else {
          collectText(m.getValue(), out);
        }
      }
    }
  }

  private static JsonObject ok() {
    JsonObject o = new JsonObject();
    o.addProperty("ok", true);
    return o;
  }

  private static JsonObject error(String code) {
    JsonObject o = new JsonObject();
    o.addProperty("ok", false);
    o.addProperty("error", code);
    return o;
  }

  private static JsonObject invalidBlocks(String why) {
    JsonObject o = error("invalid_blocks");
    JsonObject meta = new JsonObject();
    JsonArray messages = new JsonArray();
    messages.add(why);
    meta.add("messages", messages);
    o.add("response_metadata", meta);
    return o;
  }

  private static void reply(HttpExchange exchange, int status, JsonObject body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

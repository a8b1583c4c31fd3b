package io.doorman.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.app.Doorman;
import io.doorman.config.Configuration;
import io.doorman.ingest.RawMail;
import io.doorman.lifecycle.Actor;
import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.Decision;
import io.doorman.lifecycle.State;
import io.doorman.store.AuditEntry;
import io.doorman.store.MutableClock;
import io.doorman.testing.Emails;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over real HTTP against the real Jetty, as {@code doorman run} builds it. */
class ConsoleTest {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private Doorman doorman;
  private HttpClient http = browserLike();

  private static HttpClient browserLike() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  private void start(Map<String, String> extra) throws Exception {
    Map<String, String> values = new HashMap<>(Map.of(
        "data.dir", dir.resolve("data").toString(), "inbox.dir", dir.resolve("inbox").toString(), "http.port", "0"));
    values.putAll(extra);
    doorman = Doorman.build(Configuration.of(values), clock);
    doorman.start();
  }

  @AfterEach
  void stop() {
    if (doorman != null) {
      doorman.close();
    }
  }

  private long ingest(String email) throws Exception {
    var taken = doorman.intake().take(new RawMail("test.eml", email.getBytes(UTF_8)));
    return ((io.doorman.intake.Stored.InvitationStored) taken.stored().get(0)).invitationId();
  }

  private URI uri(String path) {
    return doorman.consoleUri().resolve(path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(uri("/decide"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String csrf() throws Exception {
    return csrf("pending");
  }

  private String csrf(String tab) throws Exception {
    Matcher m = CSRF.matcher(get("/?state=" + tab).body());
    assertTrue(m.find(), "the page carries a CSRF token in its forms");
    return m.group(1);
  }

  private HttpResponse<String> act(long id, String action, String tab) throws Exception {
    return post(Map.of("id", Long.toString(id), "action", action, "tab", tab, "csrf", csrf(tab)));
  }

  @Test
  void acceptIsRecordedAsAConsoleDecisionAndTheInvitationShowsUnderAccepted() throws Exception {
    start(Map.of());
    long id = ingest(Emails.invitation(1, "Jane Doe", "Hi Paul, we met at the Denver meetup."));

    HttpResponse<String> after = act(id, "accept", "pending");

    assertEquals(200, after.statusCode());
    assertEquals("/?state=pending", after.uri().getPath() + "?" + after.uri().getQuery(), "redirected back to the tab");
    assertTrue(after.body().contains("Accepted Jane Doe"), "the outcome is shown once");
    assertFalse(after.body().contains("id=\"invitation-" + id + "\""), "no longer pending");
    assertEquals(State.ACCEPTED, doorman.store().find(id).orElseThrow().state());
    AuditEntry last = doorman.store().history(id).get(doorman.store().history(id).size() - 1);
    assertEquals("console", last.channel());
    String accepted = get("/?state=accepted").body();
    assertTrue(accepted.contains("id=\"invitation-" + id + "\""));
    assertTrue(accepted.contains("https://www.linkedin.com/comm/mynetwork/invite-accept?invitationId=1&amp;sharedKey=k1"),
        "the LinkedIn accept link, escaped");
    assertFalse(get("/").body().contains("Accepted Jane Doe"), "shown once only");
    assertTrue(get("/metrics").body().contains("doorman_decisions_total{decision=\"accept\",channel=\"console\"} 1"));
  }

  @Test
  void aRefusedTransitionSaysWhoDecidedFirstAndWhen() throws Exception {
    start(Map.of());
    long id = ingest(Emails.invitation(2, "Jane Doe", ""));
    String token = csrf();
    doorman.decisions().decide(new io.doorman.decisions.Decisions.Request(id, Decision.DECLINE,
        new Actor("sam", Channel.SLACK)));

    HttpResponse<String> after = post(Map.of("id", Long.toString(id), "action", "accept", "tab", "pending", "csrf", token));

    assertTrue(after.body().contains("Not changed: Jane Doe is already declined (by sam at 2026-12-01 10:00 UTC)."),
        after.body());
    assertEquals(State.DECLINED, doorman.store().find(id).orElseThrow().state());
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    start(Map.of());
    long id = ingest(Emails.invitation(3));
    HttpResponse<String> forged = post(Map.of("id", Long.toString(id), "action", "accept", "tab", "pending"));
    assertEquals(403, forged.statusCode());
    HttpResponse<String> wrong = post(Map.of("id", Long.toString(id), "action", "accept", "csrf", "00ff"));
    assertEquals(403, wrong.statusCode());
    assertEquals(State.PENDING, doorman.store().find(id).orElseThrow().state());
  }

  @Test
  void askOffersThePolicysQuestionInTheInvitationsLanguageAndWaitAsksAgainAfterAFollowUp() throws Exception {
    start(Map.of());
    long id = ingest(Emails.invitation(4, "Jane Doe", ""));
    String page = get("/").body();
    String question = doorman.policy().clarifyingQuestion(
        io.doorman.policies.Language.EN, io.doorman.policies.Person.named("Jane Doe"), "Paul");
    assertTrue(page.contains(Html.escape(question)), "the question, ready to edit: " + question);

    HttpResponse<String> asked = post(Map.of("id", Long.toString(id), "action", "ask", "tab", "pending", "csrf", csrf(),
        "question", "Hi Jane, have we met? <b>Paul</b>"));
    assertTrue(asked.body().contains("Send this on LinkedIn: Hi Jane, have we met? &lt;b&gt;Paul&lt;/b&gt;"), asked.body());
    assertEquals(State.ASKED, doorman.store().find(id).orElseThrow().state());

    clock.advance(doorman.policy().followUpAfter().plusHours(1));
    doorman.followUps().runDue();
    String followUp = get("/?state=follow-up").body();
    assertTrue(followUp.contains("id=\"invitation-" + id + "\""));
    assertTrue(followUp.contains("value=\"wait\""), "wait is offered for a follow-up");

    act(id, "wait", "follow-up");
    assertEquals(State.ASKED, doorman.store().find(id).orElseThrow().state());
    String history = get("/?state=asked").body();
    assertTrue(history.contains("follow-up → asked by"), "the history shows the wait");
  }

  @Test
  void everythingFromTheEmailIsEscaped() throws Exception {
    start(Map.of());
    ingest(Emails.invitation(5, "Eve <img src=x onerror=alert(1)>", "<script>alert('note')</script> & friends"));
    String page = get("/").body();
    assertFalse(page.contains("<script>alert"), "no script from a note");
    assertFalse(page.contains("<img src=x"), "no markup from a name");
    assertTrue(page.contains("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; &amp; friends"));
  }

  @Test
  void aSpoofedInvitationIsFlaggedAndItsLinksAreNeverShown() throws Exception {
    start(Map.of());
    Path spoofed = Emails.samples().resolve("05-invitation-spoofed.eml");
    doorman.intake().take(new RawMail(spoofed.toString(), Files.readAllBytes(spoofed)));
    String page = get("/").body();
    assertTrue(page.contains("only claims to come from LinkedIn"), "the authenticity warning");
    List<String> hrefs = Pattern.compile("href=\"([^\"]+)\"").matcher(page).results().map(r -> r.group(1)).toList();
    assertTrue(hrefs.stream().allMatch(h -> h.startsWith("/?state=")), "only the console's own links: " + hrefs);
    assertFalse(page.contains("data-accept-url=\""));
  }

  @Test
  void beyondLoopbackEveryConsoleRequestNeedsTheToken() throws Exception {
    String token = "console-token-0123456789";
    start(Map.of("http.bind", "0.0.0.0", "console.token", token));
    URI base = URI.create("http://127.0.0.1:" + doorman.consoleUri().getPort() + "/");
    HttpClient bare = HttpClient.newHttpClient();

    assertEquals(401, bare.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(401, bare.send(HttpRequest.newBuilder(base).header("X-Doorman-Token", "wrong").build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(200, bare.send(HttpRequest.newBuilder(base).header("X-Doorman-Token", token).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(200, bare.send(HttpRequest.newBuilder(base).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(401, bare.send(HttpRequest.newBuilder(base.resolve("/decide"))
        .POST(HttpRequest.BodyPublishers.ofString("id=1&action=accept")).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode(), "a POST without the token is refused before anything else");
    assertEquals(200, bare.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode(), "health is not the console");

    HttpClient browser = browserLike();
    HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(base.resolve("/?token=" + token)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, opened.statusCode());
    assertEquals(null, opened.uri().getQuery(), "the token is dropped from the address bar");
    assertTrue(opened.body().contains("Doorman"));
    assertEquals(200, browser.send(HttpRequest.newBuilder(base.resolve("/?state=accepted")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode(), "then the cookie carries it");
  }

  @Test
  void onLoopbackAPageThatRebindsItsNameToThisMachineIsRefused() throws Exception {
    start(Map.of());
    int port = doorman.consoleUri().getPort();
    assertEquals("HTTP/1.1 403 Forbidden", rawGet(port, "evil.example"));
    assertEquals("HTTP/1.1 200 OK", rawGet(port, "localhost:" + port));
  }

  /** The status line of a GET / with this Host header (HttpClient won't send a foreign Host). */
  private static String rawGet(int port, String host) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
      out.flush();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8)).readLine();
    }
  }

  @Test
  void aLongTabShowsAPageWithTheOldestWaitingFirst() throws Exception {
    start(Map.of());
    int total = TabPage.PAGE + 2;
    long first = -1;
    for (int n = 1; n <= total; n++) {
      long id = ingest(Emails.invitation(1000 + n));
      first = first < 0 ? id : first;
    }
    String page = get("/").body();
    assertEquals(TabPage.PAGE, Pattern.compile("<article class=\"card\"").matcher(page).results().count());
    assertTrue(page.contains("Showing " + TabPage.PAGE + " of " + total + " (the oldest)"), "says so");
    assertTrue(page.contains("id=\"invitation-" + first + "\""), "the oldest is on the page");
  }
}

package io.doorman.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WebServerTest {

  private static final class Says extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final String word;

    Says(String word) {
      this.word = word;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.getWriter().write(word);
    }
  }

  @Test
  void routesEachPathToItsServletAndEverythingElseToTheRoot() throws Exception {
    try (WebServer web = new WebServer("127.0.0.1", 0)) {
      web.mount("/", new Says("console")).mount("/healthz", new Says("alive")).mount("/slack/events", new Says("slack"));
      web.start();
      HttpClient http = HttpClient.newHttpClient();
      assertEquals("alive", body(http, web, "/healthz"));
      assertEquals("slack", body(http, web, "/slack/events"));
      assertEquals("console", body(http, web, "/"));
      assertEquals("console", body(http, web, "/anything/else"));
      assertTrue(web.port() > 0);
      assertEquals("http://127.0.0.1:" + web.port() + "/", web.uri().toString());
    }
  }

  @Test
  void aTakenPortIsNamedWithTheSettingsThatMoveIt() throws Exception {
    try (WebServer first = new WebServer("127.0.0.1", 0)) {
      first.mount("/", new Says("one"));
      first.start();
      WebServer second = new WebServer("127.0.0.1", first.port());
      second.mount("/", new Says("two"));
      IOException e = assertThrows(IOException.class, second::start);
      assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + first.port()), e.getMessage());
      assertTrue(e.getMessage().contains("set http.port or http.bind"), e.getMessage());
      assertFalse(second.isRunning());
    }
  }

  @Test
  void mountingTwiceOrAfterStartIsAProgrammingError() throws Exception {
    try (WebServer web = new WebServer("127.0.0.1", 0)) {
      web.mount("/", new Says("a"));
      assertThrows(IllegalStateException.class, () -> web.mount("/", new Says("b")));
      web.start();
      assertThrows(IllegalStateException.class, () -> web.mount("/slack/events", new Says("c")));
    }
  }

  @Test
  void aStopLetsARequestInFlightFinish() throws Exception {
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    WebServer web = new WebServer("127.0.0.1", 0);
    web.mount("/", new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        inside.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        resp.getWriter().write("decided");
      }
    });
    web.start();
    var answer = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(web.uri().resolve("/decide")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    inside.await();
    Thread stopping = new Thread(() -> {
      try {
        web.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    stopping.start();
    io.doorman.testing.Eventually.within(java.time.Duration.ofSeconds(10), "the stop begun", web::isStopping);
    release.countDown();
    HttpResponse<String> r = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    assertEquals("decided", r.body());
    stopping.join(10_000);
    assertFalse(web.isRunning());
  }

  @Test
  void tellsLoopbackFromTheRest() {
    assertTrue(WebServer.isLoopback("127.0.0.1"));
    assertTrue(WebServer.isLoopback("::1"));
    assertTrue(WebServer.isLoopback("localhost"));
    assertFalse(WebServer.isLoopback("0.0.0.0"));
    assertFalse(WebServer.isLoopback("::"));
    assertFalse(WebServer.isLoopback("192.168.1.10"));
  }

  private static String body(HttpClient http, WebServer web, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(web.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}

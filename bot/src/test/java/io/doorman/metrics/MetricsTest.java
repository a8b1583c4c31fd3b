package io.doorman.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.lifecycle.Channel;
import io.doorman.lifecycle.Decision;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static Map<String, Double> scrape(Metrics m) throws Exception {
    StringWriter w = new StringWriter();
    m.writeTo(w);
    return PrometheusText.parse(w.toString());
  }

  @Test
  void countsByLabelAndWritesValidExposition() throws Exception {
    DoormanMetrics m = new DoormanMetrics();
    m.decided(Decision.ACCEPT, Channel.CONSOLE);
    m.decided(Decision.ACCEPT, Channel.CONSOLE);
    m.decided(Decision.DECLINE, Channel.SLACK);
    m.followedUp(3);
    m.error("inbox");
    m.slackCall("chat.postMessage", Duration.ofMillis(250));
    m.slackCall("chat.postMessage", Duration.ofMillis(750));

    Map<String, Double> s = scrape(m.registry());
    assertEquals(2.0, s.get("doorman_decisions_total{decision=\"accept\",channel=\"console\"}"));
    assertEquals(1.0, s.get("doorman_decisions_total{decision=\"decline\",channel=\"slack\"}"));
    assertEquals(3.0, s.get("doorman_followups_total"));
    assertEquals(1.0, s.get("doorman_errors_total{source=\"inbox\"}"));
    assertEquals(0.0, s.get("doorman_emails_ingested_total"), "a plain counter shows 0 before it counts");
    assertEquals(2.0, s.get("doorman_slack_api_seconds_count{method=\"chat.postMessage\"}"));
    assertEquals(1.0, s.get("doorman_slack_api_seconds_sum{method=\"chat.postMessage\"}"), 1e-9);
  }

  @Test
  void labelValuesAreEscaped() throws Exception {
    Metrics m = new Metrics();
    m.counter("odd_total", "Odd labels.", "what").inc("a \"quoted\"\\ back\nslash");
    Map<String, Double> s = scrape(m);
    assertTrue(s.containsKey("odd_total{what=\"a \\\"quoted\\\"\\\\ back\\nslash\"}"), s.toString());
  }

  @Test
  void refusesBadNamesAndWrongLabelCounts() {
    Metrics m = new Metrics();
    assertThrows(IllegalArgumentException.class, () -> m.counter("bad-name", "x"));
    Metrics.Counter c = m.counter("ok_total", "x", "a");
    assertThrows(IllegalArgumentException.class, () -> c.inc("1", "2"));
    assertThrows(IllegalArgumentException.class, () -> m.counter("ok_total", "again"));
    assertThrows(IllegalArgumentException.class, () -> c.add(-1, "1"));
  }
}

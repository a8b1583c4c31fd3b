package io.doorman.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {

  @TempDir Path dir;
  private String out;
  private String err;

  @AfterEach
  void restoreEnvironment() {
    ConfigFileOption.environment = System.getenv();
  }

  private int run(Map<String, String> env, String... args) {
    ConfigFileOption.environment = env;
    Cli.Run r = Cli.run(args);
    out = r.out();
    err = r.err();
    return r.status();
  }

  @Test
  void showsEverySettingWithItsOriginSecretsMaskedAndWhatItMeans() throws Exception {
    Path file = Files.writeString(dir.resolve("d.properties"), "slack.signing-secret=abcdef0123456789\nhttp.port=9000\n");
    int status = run(Map.of("DOORMAN_SLACK_BOT_TOKEN", "xoxb-1111-2222-secretvalue"), "config", "check", "--config", file.toString());

    assertEquals(0, status, err);
    assertTrue(out.contains("configuration file: " + file), out);
    assertTrue(out.matches("(?s).*slack\\.bot-token\\s+\\*\\*\\*\\*ue\\s+environment DOORMAN_SLACK_BOT_TOKEN.*"), out);
    assertTrue(out.matches("(?s).*slack\\.signing-secret\\s+\\*\\*\\*\\*89\\s+file .*d\\.properties.*"), out);
    assertTrue(out.matches("(?s).*http\\.port\\s+9000\\s+file .*"), out);
    assertTrue(out.matches("(?s).*data\\.dir\\s+\\./data\\s+default.*"), out);
    assertFalse(out.contains("secretvalue"), out);
    assertFalse(out.contains("abcdef0123456789"), out);
    assertTrue(out.contains("Slack: on, events at /slack/events; no slack.channel or slack.teams"), out);
    assertTrue(out.contains("IMAP: off (imap.host not set)"), out);
    assertTrue(out.contains("console: http://127.0.0.1:9000/ (loopback only; no token needed)"), out);
  }

  @Test
  void saysSlackIsOffAndWhy() {
    assertEquals(0, run(Map.of(), "config", "check"));
    assertTrue(out.contains("Slack: off (slack.bot-token not set)"), out);
    assertTrue(out.contains("store: H2 at ./data"), out);
  }

  @Test
  void halfASlackConfigurationIsCalledOut() {
    assertEquals(0, run(Map.of("DOORMAN_SLACK_SIGNING_SECRET", "abcdef0123456789"), "config", "check"));
    assertTrue(out.contains("Slack: REFUSED: Slack needs both slack.bot-token and slack.signing-secret;"
        + " slack.bot-token is not set"), out);
  }

  @Test
  void anEmptyDigestTimeTurnsTheDigestOff() {
    assertEquals(0, run(Map.of("DOORMAN_SMTP_HOST", "mail.example.com", "DOORMAN_SMTP_TLS", "tls",
        "DOORMAN_EMAIL_DIGEST_AT", ""), "config", "check"));
    assertTrue(out.contains("digest: off (email.digest-at empty)"), out);
    assertTrue(out.contains("SMTP: on, mail.example.com:465 tls"), out);
  }

  @Test
  void aBadSettingIsNamedAndExitsTwo() {
    assertEquals(2, run(Map.of("DOORMAN_SMTP_TLS", "ssl"), "config", "check"));
    assertTrue(err.contains("doorman: smtp.tls 'ssl' (environment DOORMAN_SMTP_TLS): must be one of starttls, tls, none"), err);
  }

  @Test
  void warnsThatAConsoleOnAllAddressesNeedsAToken() {
    assertEquals(0, run(Map.of("DOORMAN_HTTP_BIND", "0.0.0.0"), "config", "check"));
    assertTrue(out.contains("REFUSED: http.bind is not loopback and console.token is not set"), out);
  }
}

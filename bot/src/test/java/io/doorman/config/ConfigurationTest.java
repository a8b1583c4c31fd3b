package io.doorman.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

  @TempDir Path dir;

  @Test
  void environmentWinsOverFileWhichWinsOverDefault() throws Exception {
    Path file = Files.writeString(dir.resolve("doorman.properties"), "http.port=9090\ninbox.dir=/srv/inbox\n");
    Configuration c = Configuration.load(Map.of("DOORMAN_HTTP_PORT", "7070"), Optional.empty(), dir);

    assertEquals(Optional.of("7070"), c.get("http.port"));
    assertEquals(Origin.Kind.ENVIRONMENT, c.entry("http.port").origin().kind());
    assertEquals("environment DOORMAN_HTTP_PORT", c.entry("http.port").origin().toString());
    assertEquals(Optional.of("/srv/inbox"), c.get("inbox.dir"));
    assertEquals("file " + file, c.entry("inbox.dir").origin().toString());
    assertEquals(Optional.of("./data"), c.get("data.dir"));
    assertEquals(Origin.Kind.DEFAULT, c.entry("data.dir").origin().kind());
    assertEquals(Optional.empty(), c.get("slack.bot-token"));
    assertEquals(Origin.Kind.NOT_SET, c.entry("slack.bot-token").origin().kind());
    assertEquals(Optional.of(file), c.file());
  }

  @Test
  void explicitFileIsReadInsteadOfTheWorkingDirectorysOne() throws Exception {
    Files.writeString(dir.resolve("doorman.properties"), "http.port=9090\n");
    Path other = Files.writeString(dir.resolve("other.properties"), "http.port=9191\n");
    Configuration c = Configuration.load(Map.of(), Optional.of(other), dir);
    assertEquals(Optional.of("9191"), c.get("http.port"));
  }

  @Test
  void missingExplicitFileIsAnError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Configuration.load(Map.of(), Optional.of(dir.resolve("nope.properties")), dir));
    assertTrue(e.getMessage().contains("nope.properties: no such configuration file"), e.getMessage());
  }

  @Test
  void unknownKeyInFileIsAnErrorNamingItAndTheClosestKnownKey() throws Exception {
    Files.writeString(dir.resolve("doorman.properties"), "slack.bot_token=xoxb-1\nhttp.prot=80\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Configuration.load(Map.of(), Optional.empty(), dir));
    assertEquals(2, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).contains("unknown key 'http.prot' (did you mean http.port?)"), e.problems().get(0));
    assertTrue(e.problems().get(1).contains("unknown key 'slack.bot_token' (did you mean slack.bot-token?)"),
        e.problems().get(1));
  }

  @Test
  void badValueNamesTheSettingTheValueAndWhereItCameFrom() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Configuration.load(Map.of("DOORMAN_HTTP_PORT", "eighty", "DOORMAN_IMAP_MARK", "delete"), Optional.empty(), dir));
    String all = String.join("\n", e.problems());
    assertTrue(all.contains("http.port 'eighty' (environment DOORMAN_HTTP_PORT): must be a port number"), all);
    assertTrue(all.contains("imap.mark 'delete' (environment DOORMAN_IMAP_MARK): must be one of move, flag"), all);
  }

  @Test
  void aBadSecretIsNamedButNeverQuoted() {
    // No secret has a check today; the rule is the message's: never quote a secret's value.
    Configuration c = Configuration.load(Map.of("DOORMAN_DB_PASSWORD", "hunter2-very-secret"), Optional.empty(), dir);
    assertEquals("****et", c.entry("db.password").shown());
    assertEquals("(set)", Masking.mask("short"));
    assertFalse(c.entry("db.password").shown().contains("hunter2"));
  }

  @Test
  void anEmptyValueReplacesTheDefaultSoAComponentCanReadItAsOff() {
    Configuration c = Configuration.load(Map.of("DOORMAN_EMAIL_DIGEST_AT", ""), Optional.empty(), dir);
    assertEquals(Optional.of(""), c.lookup().apply("email.digest-at"));
    assertEquals(Optional.empty(), c.given("email.digest-at"));
    assertEquals(Optional.of("08:00"), Configuration.of(Map.of()).get("email.digest-at"));
  }

  @Test
  void componentsReadByFileKeyAndATypoInCodeFailsLoudly() {
    Configuration c = Configuration.of(Map.of("slack.channel", "C123"));
    assertEquals(Optional.of("C123"), c.lookup().apply("slack.channel"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.lookup().apply("slack.chanel"));
    assertTrue(e.getMessage().contains("did you mean slack.channel"), e.getMessage());
  }

  @Test
  void unknownDoormanEnvironmentVariablesAreWarnedAbout() {
    Configuration c = Configuration.load(Map.of("DOORMAN_SLACK_TOKEN", "x", "PATH", "/bin"), Optional.empty(), dir);
    assertEquals(List.of("environment variable DOORMAN_SLACK_TOKEN is not a Doorman setting; ignored"), c.warnings());
  }

  @Test
  void theCatalogHasEveryAgreedKeyWithItsEnvironmentVariable() {
    List<String> agreed = List.of(
        "data.dir", "db.url", "db.user", "db.password", "policy.file", "inbox.dir", "http.bind", "http.port",
        "console.token", "console.operator", "slack.bot-token", "slack.signing-secret", "slack.app-token", "slack.channel",
        "slack.teams", "slack.decide", "slack.api-url", "imap.host", "imap.port", "imap.user", "imap.password",
        "imap.tls", "imap.trust", "imap.tls-insecure", "imap.oauth-token", "imap.oauth-token-command", "imap.folder", "imap.processed-folder",
        "imap.review-folder", "imap.mark", "smtp.host", "smtp.port", "smtp.user", "smtp.password", "smtp.tls", "mail.trusted-authserv-id",
        "smtp.from", "email.reply-secret", "email.allow", "email.digest-at");
    assertEquals(agreed, Settings.all().stream().map(Setting::key).collect(Collectors.toList()));
    assertEquals("DOORMAN_SLACK_BOT_TOKEN", Settings.find("slack.bot-token").orElseThrow().envVar());
    List<String> secrets = Settings.all().stream().filter(Setting::secret).map(Setting::key).collect(Collectors.toList());
    assertEquals(List.of("db.password", "console.token", "slack.bot-token", "slack.signing-secret", "slack.app-token",
        "imap.password", "imap.oauth-token", "smtp.password", "email.reply-secret"), secrets);
    // The ports follow the TLS settings, so their defaults are the mail code's, not the catalog's.
    assertEquals(Optional.empty(), Configuration.of(Map.of()).get("imap.port"));
    assertEquals(Optional.empty(), Configuration.of(Map.of()).get("smtp.port"));
  }
}

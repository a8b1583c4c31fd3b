package io.doorman.console;

import io.doorman.testing.All;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorman.app.Doorman;
import io.doorman.config.Configuration;
import io.doorman.lifecycle.State;
import io.doorman.store.StoredInvitation;
import io.doorman.testing.Emails;
import io.doorman.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * the real app with the samples ingested, Accept clicked, the invitation seen under Accepted. The
 * screenshot is kept as {@code bot/target/console-accepted.png}. Without Chromium it is skipped,
 * saying why, except on CI ({@code CI=true}), where that is a failure.
 */
class ConsoleBrowserTest {

  /** Debian's paths; the properties exist to check the skip and the CI failure by hand. */
  private static final Path CHROMIUM = Path.of(System.getProperty("doorman.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("doorman.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  /** Selenium warns that it has no DevTools bindings for this Chromium; none are used. */
  private static final java.util.logging.Logger CDP_WARNINGS = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  @TempDir Path dir;
  private Doorman doorman;
  private ChromeDriver browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (doorman != null) {
      doorman.close();
    }
  }

  @Test
  void acceptClickedInTheBrowserMovesTheInvitationToAccepted() throws Exception {
    requireChromium();
    int samples = Emails.copySamples(dir.resolve("inbox"));
    doorman = Doorman.build(Configuration.of(Map.of(
        "data.dir", dir.resolve("data").toString(), "inbox.dir", dir.resolve("inbox").toString(), "http.port", "0")),
        Clock.systemUTC());
    doorman.start();
    Path processed = dir.resolve("inbox/.processed");
    Eventually.within(DEADLINE, "the samples stored", () -> Emails.fileCount(processed) == samples);
    StoredInvitation priya = All.invitations(doorman.store(), io.doorman.store.Filter.inState(State.PENDING)).stream()
        .filter(i -> i.senderName().equals("Priya Raman")).findFirst().orElseThrow();

    browser = chromium();
    WebDriverWait wait = new WebDriverWait(browser, DEADLINE);
    browser.get(doorman.consoleUri().toString());
    String console = browser.getWindowHandle();
    WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-" + priya.id())));
    assertTrue(card.getText().contains("personal"), card.getText());

    card.findElement(By.cssSelector("form.accept button")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Accepted Priya Raman"));
    assertEquals(2, browser.getWindowHandles().size(), "the LinkedIn accept link opened in a new tab");
    browser.switchTo().window(console);
    browser.findElement(By.id("tab-accepted")).click();
    WebElement accepted = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("section#accepted #invitation-" + priya.id())));
    assertTrue(accepted.getText().contains("Priya Raman"));
    assertEquals(State.ACCEPTED, doorman.store().find(priya.id()).orElseThrow().state());

    Path shot = Path.of("target", "console-accepted.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    System.out.println("ConsoleBrowserTest: screenshot at " + shot.toAbsolutePath());
  }

  private static void requireChromium() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String missing = Files.isExecutable(CHROMIUM) ? CHROMEDRIVER.toString()
        : Files.isExecutable(CHROMEDRIVER) ? CHROMIUM.toString() : CHROMIUM + " and " + CHROMEDRIVER;
    String why = "no " + missing + " (apt-get install chromium chromium-driver)";
    if ("true".equals(System.getenv("CI"))) {
      fail("ConsoleBrowserTest must run on CI: " + why);
    }
    System.out.println("ConsoleBrowserTest skipped: " + why);
    Assumptions.abort(why);
  }

  private ChromeDriver chromium() throws Exception {
    Path home = Files.createDirectories(dir.resolve("chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of(
            "XDG_CONFIG_HOME", home.resolve("config").toString(),
            "XDG_CACHE_HOME", home.resolve("cache").toString(),
            "HOME", home.toString()))
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--disable-dev-shm-usage", "--window-size=1200,1600",
        "--user-data-dir=" + home.resolve("profile"));
    return new ChromeDriver(service, options);
  }
}

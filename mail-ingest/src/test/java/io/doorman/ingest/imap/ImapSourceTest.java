package io.doorman.ingest.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.doorman.ingest.RawMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImapSourceTest {

  private static final String USER = "doorman@example.com";
  private static final String PASSWORD = "secret-pw";

  private GreenMail server;
  private ImapSource source;
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  /** Records the backoff asked for and returns almost at once: the test never waits a second. */
  private final Sleeper quick = d -> {
    waits.add(d);
    Thread.sleep(5);
  };

  @BeforeEach
  void startServer() {
    server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    server.start();
    server.setUser(USER, USER, PASSWORD);
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    server.stop();
  }

  private ImapSettings settings() {
    return settings(server.getImap().getPort());
  }

  private ImapSettings settings(int port) {
    return ImapSettings.plain("127.0.0.1", port, USER, PASSWORD)
        .withTimings(Duration.ofMinutes(25), Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofMinutes(2));
  }

  /** A handler that says what each subject asks for: "stored …", "other …", "garbage …", "fail …". */
  private Disposition bySubject(RawMail mail) {
    String text = new String(mail.bytes(), StandardCharsets.UTF_8);
    String subject = text.lines().filter(l -> l.startsWith("Subject: ")).findFirst().orElse("").substring(9);
    handled.add(subject);
    if (subject.startsWith("stored")) {
      return Disposition.STORED;
    }
    if (subject.startsWith("other")) {
      return Disposition.NOT_LINKEDIN;
    }
    if (subject.startsWith("garbage")) {
      return Disposition.UNREADABLE;
    }
    if (subject.startsWith("explode")) {
      throw new IllegalStateException("store down");
    }
    return Disposition.FAILED;
  }

  @Test
  void movesEachMessageWhereItsDispositionSays() throws Exception {
    deliver("stored one");
    deliver("other one");
    deliver("garbage one");
    deliver("fail one");
    deliver("explode one");
    source = new ImapSource(settings(), this::bySubject, Clock.systemUTC(), quick);
    source.start();
    await(() -> handled.size() >= 5, "all five handled");
    await(() -> count("Doorman.Processed") == 1 && count("Doorman.Review") == 2, "moved");
    assertEquals(2, count("INBOX"), "failed mail stays in the inbox for a retry");
    assertEquals(2, source.status().failed());
    // Mail arriving later comes through IDLE.
    await(() -> source.status().idles() >= 1, "idling");
    deliver("stored two");
    await(() -> count("Doorman.Processed") == 2, "second stored message moved");
    assertTrue(source.status().connected());
  }

  @Test
  void aServerWithoutIdleIsPolledForNewMail() throws Exception {
    try (NoIdleProxy noIdle = NoIdleProxy.to("127.0.0.1", server.getImap().getPort())) {
      source = new ImapSource(settings(noIdle.port()), this::bySubject, Clock.systemUTC(), quick);
      source.start();
      await(() -> source.status().connected(), "connected");
      deliver("stored after connecting");
      await(() -> count("Doorman.Processed") == 1, "found by polling and moved");
      assertEquals(0, source.status().idles(), "no IDLE was tried: the server does not offer it");
    }
  }

  @Test
  void mailArrivingWhileAnotherIsHandledIsNotLeftWaiting() throws Exception {
    java.util.concurrent.CountDownLatch secondDelivered = new java.util.concurrent.CountDownLatch(1);
    source = new ImapSource(settings(), mail -> {
      Disposition d = bySubject(mail);
      if (handled.size() == 1) {
        try {
          secondDelivered.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return d;
    }, Clock.systemUTC(), quick);
    source.start();
    await(() -> source.status().idles() >= 1, "idling");
    deliver("stored first");
    await(() -> handled.size() == 1, "first in hand");
    deliver("stored second");
    secondDelivered.countDown();
    await(() -> count("Doorman.Processed") == 2, "both stored");
  }

  @Test
  void retriesFailedMailAfterTheRetryDelay() throws Exception {
    AtomicBoolean storeUp = new AtomicBoolean(false);
    deliver("flaky one");
    ImapSettings s = settings().withTimings(Duration.ofMinutes(25), Duration.ofMillis(50), Duration.ofSeconds(1),
        Duration.ofSeconds(8), Duration.ofMillis(200));
    source = new ImapSource(s, mail -> {
      handled.add("x");
      return storeUp.get() ? Disposition.STORED : Disposition.FAILED;
    }, Clock.systemUTC(), quick);
    source.start();
    await(() -> handled.size() >= 1, "first attempt");
    assertEquals(1, count("INBOX"));
    storeUp.set(true);
    await(() -> count("Doorman.Processed") == 1, "retried and stored");
    assertEquals(0, count("INBOX"));
  }

  @Test
  void flagModeLeavesStoredMailInPlaceAndReadsItOnce() throws Exception {
    deliver("stored flagged");
    source = new ImapSource(settings().withMark(ImapSettings.Mark.FLAG), this::bySubject, Clock.systemUTC(), quick);
    source.start();
    await(() -> source.status().stored() == 1, "stored");
    await(() -> source.status().idles() >= 1, "idling");
    deliver("stored second");
    await(() -> source.status().stored() == 2, "second stored");
    assertEquals(List.of("stored flagged", "stored second"), handled);
    assertEquals(2, count("INBOX"));
    assertTrue(flagged("INBOX"), "stored mail is \\Seen and keyworded");
  }

  @Test
  void reissuesIdleBeforeTheServerWouldCutIt() throws Exception {
    ImapSettings s = settings().withTimings(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(1),
        Duration.ofSeconds(8), Duration.ofMinutes(2));
    source = new ImapSource(s, this::bySubject, Clock.systemUTC(), quick);
    source.start();
    await(() -> source.status().idles() >= 3, "IDLE re-issued");
    deliver("stored after renewals");
    await(() -> source.status().stored() == 1, "still receiving");
  }

  @Test
  void reconnectsWithCappedExponentialBackoffWhenTheServerRestarts() throws Exception {
    deliver("stored before");
    source = new ImapSource(settings(), this::bySubject, Clock.systemUTC(), quick);
    source.start();
    await(() -> source.status().stored() == 1 && source.status().idles() >= 1, "first message");
    int port = server.getImap().getPort();
    int smtpPort = server.getSmtp().getPort();
    server.stop();
    await(() -> waits.size() >= 6, "several reconnect attempts");
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
        Duration.ofSeconds(8), Duration.ofSeconds(8)), waits.subList(0, 6));
    assertEquals(ImapStatus.State.RECONNECTING, source.status().state());
    server = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    server.start();
    server.setUser(USER, USER, PASSWORD);
    deliver("stored after");
    await(() -> source.status().stored() == 2, "reconnected and stored");
    assertTrue(source.status().connected());
  }

  @Test
  void logsInWithXoauth2TokenFromACommand() throws Exception {
    server.setUser("oauth@example.com", "oauth@example.com", "ya29.token-123");
    deliver("oauth@example.com", "stored by token");
    ImapSettings s = ImapSettings.plain("127.0.0.1", server.getImap().getPort(), "oauth@example.com", "unused")
        .withAuth(new ImapSettings.OAuth2(TokenSource.command("printf 'ya29.token-123\\n'")));
    source = new ImapSource(s, this::bySubject, Clock.systemUTC(), quick);
    source.start();
    await(() -> source.status().stored() == 1, "stored after XOAUTH2 login");
  }

  @Test
  void closingWhileIdleReturnsPromptly() throws Exception {
    source = new ImapSource(settings(), this::bySubject, Clock.systemUTC(), quick);
    source.start();
    await(() -> source.status().idles() >= 1, "idling");
    long t0 = System.nanoTime();
    source.close();
    assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
    assertEquals(ImapStatus.State.STOPPED, source.status().state());
    source = null;
  }

  // ------------------------------------------------------------------ helpers

  private void deliver(String subject) throws MessagingException {
    deliver(USER, subject);
  }

  private void deliver(String to, String subject) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(server.getSmtp().getPort()));
    Session session = Session.getInstance(p);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress("someone@example.org"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject);
    m.setText("body of " + subject);
    Transport.send(m);
  }

  private Store open() throws MessagingException {
    Properties p = new Properties();
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", server.getImap().getPort(), USER, PASSWORD);
    return store;
  }

  private int count(String folder) {
    try (Store store = open()) {
      Folder f = store.getFolder(folder);
      return f.exists() ? f.getMessageCount() : 0;
    } catch (MessagingException e) {
      return -1;
    }
  }

  private boolean flagged(String folder) throws MessagingException {
    try (Store store = open()) {
      Folder f = store.getFolder(folder);
      f.open(Folder.READ_ONLY);
      for (Message m : f.getMessages()) {
        if (!m.isSet(Flags.Flag.SEEN) || !m.getFlags().contains(ImapSource.PROCESSED_KEYWORD)) {
          return false;
        }
      }
      return true;
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(10);
    }
  }
}

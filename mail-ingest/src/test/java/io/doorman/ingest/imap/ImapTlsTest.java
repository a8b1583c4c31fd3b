package io.doorman.ingest.imap;

import static io.doorman.ingest.imap.ImapSourceTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.doorman.ingest.tls.TlsMode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMAP over TLS against a real TLS server whose certificate is self-signed (made here with the
 * JDK's keytool, for localhost and 127.0.0.1): each failure is one line that says what to set,
 * and with {@code imap.trust} naming the certificate mail flows.
 */
class ImapTlsTest {

  private static final String USER = "doorman@example.com";
  private static final String PASSWORD = "secret-pw";
  private static final char[] STORE_PASSWORD = "store-secret".toCharArray();

  @TempDir static Path keys;
  private static Path keyStore;
  private static Path certificate;

  private GreenMail server;
  private TlsProxy tls;
  private ImapSource source;
  private final List<String> handled = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void makeCertificate() throws Exception {
    keyStore = keys.resolve("server.p12");
    certificate = keys.resolve("server.pem");
    keytool("-genkeypair", "-alias", "imap", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "3", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD));
    keytool("-exportcert", "-rfc", "-alias", "imap", "-keystore", keyStore.toString(),
        "-storepass", new String(STORE_PASSWORD), "-file", certificate.toString());
  }

  private static void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "keytool: " + out);
  }

  @BeforeEach
  void start() throws Exception {
    server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    server.start();
    server.setUser(USER, USER, PASSWORD);
    tls = new TlsProxy(keyStore, STORE_PASSWORD, server.getImap().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    if (source != null) {
      source.close();
    }
    tls.close();
    server.stop();
  }

  private ImapSettings settings(String host, int port, TlsMode mode, Optional<Path> trust) {
    return ImapSettings.plain(host, port, USER, PASSWORD)
        .withTimings(Duration.ofMinutes(25), Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(40),
            Duration.ofMinutes(2))
        .withTls(mode, trust, Duration.ofSeconds(2));
  }

  private String firstProblem(ImapSettings settings) throws InterruptedException {
    source = new ImapSource(settings, mail -> {
      handled.add("x");
      return Disposition.STORED;
    }, Clock.systemUTC(), d -> Thread.sleep(5));
    source.start();
    await(() -> source.status().lastError().isPresent(), "a connection problem");
    return source.status().lastError().get();
  }

  @Test
  void anUntrustedCertificateIsOneLineThatSaysWhatToSet() throws Exception {
    String problem = firstProblem(settings("127.0.0.1", tls.port(), TlsMode.IMPLICIT, Optional.empty()));

    assertEquals(
        "IMAP 127.0.0.1:" + tls.port() + ": the server's certificate (CN=localhost, self-signed) is not trusted;"
            + " set imap.trust to its PEM file",
        problem);
  }

  @Test
  void withTheCertificateTrustedMailFlows() throws Exception {
    deliver("stored over TLS");
    source = new ImapSource(settings("localhost", tls.port(), TlsMode.IMPLICIT, Optional.of(certificate)),
        mail -> {
          handled.add(new String(mail.bytes()));
          return Disposition.STORED;
        }, Clock.systemUTC(), d -> Thread.sleep(5));
    source.start();

    await(() -> handled.size() == 1, "the message read over TLS");
    assertTrue(handled.get(0).contains("stored over TLS"));
    assertTrue(source.status().connected());
  }

  @Test
  void aNameTheCertificateDoesNotNameIsRefused() throws Exception {
    String problem = firstProblem(settings("127.0.0.2", tls.port(), TlsMode.IMPLICIT, Optional.of(certificate)));

    assertEquals(
        "IMAP 127.0.0.2:" + tls.port() + ": the server's certificate (CN=localhost, self-signed) is not for"
            + " 127.0.0.2; set imap.host to a name the certificate names",
        problem);
  }

  @Test
  void requiredStarttlsIsRefusedWhenTheServerDoesNotOfferIt() throws Exception {
    String problem = firstProblem(settings("127.0.0.1", server.getImap().getPort(), TlsMode.STARTTLS, Optional.of(certificate)));

    assertTrue(problem.startsWith("IMAP 127.0.0.1:" + server.getImap().getPort()
        + ": the server does not offer STARTTLS and imap.tls=starttls requires it"), problem);
    assertEquals(List.of(), handled, "no login, no mail");
  }

  @Test
  void tlsSpokenToAPlainPortSaysSo() throws Exception {
    String problem = firstProblem(settings("127.0.0.1", server.getImap().getPort(), TlsMode.IMPLICIT, Optional.empty()));

    assertTrue(problem.contains("does not speak TLS on this port"), problem);
  }

  @Test
  void plainSpokenToATlsPortSaysSo() throws Exception {
    String problem = firstProblem(settings("127.0.0.1", tls.port(), TlsMode.NONE, Optional.empty()));

    assertTrue(problem.contains("a TLS port spoken to in plain?"), problem);
  }

  @Test
  void aRefusedLoginStopsBeingRetriedSoon() throws Exception {
    source = new ImapSource(ImapSettings.plain("127.0.0.1", server.getImap().getPort(), USER, "wrong")
        .withTimings(Duration.ofMinutes(25), Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(40),
            Duration.ofMinutes(2)), mail -> Disposition.STORED, Clock.systemUTC(), d -> {
              if (d.compareTo(Duration.ofMinutes(1)) > 0) {
                Thread.sleep(60_000); // the long pause: the test ends before it does
              }
              Thread.sleep(5);
            });
    source.start();

    await(() -> source.status().state() == ImapStatus.State.LOGIN_REFUSED, "login refused");
    assertTrue(source.status().lastError().orElseThrow().contains("refused the login of " + USER),
        source.status().lastError().toString());
  }

  @Test
  void noTlsIsRefusedForAServerBeyondThisMachine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImapSettings.from(k -> Optional.ofNullable(Map.of(
        "imap.host", "mail.example.com", "imap.user", "u", "imap.password", "p", "imap.tls", "NONE").get(k))));

    assertTrue(e.getMessage().startsWith("imap.tls=none sends the password in the clear to mail.example.com"), e.getMessage());
    assertTrue(ImapSettings.from(k -> Optional.ofNullable(Map.of("imap.host", "mail.example.com", "imap.user", "u",
        "imap.password", "p", "imap.tls", "none", "imap.tls-insecure", "true").get(k))).isPresent());
    assertEquals(TlsMode.STARTTLS, ImapSettings.from(k -> Optional.ofNullable(Map.of("imap.host", "mail.example.com",
        "imap.user", "u", "imap.password", "p", "imap.tls", "StartTLS").get(k))).orElseThrow().tls());
  }

  private void deliver(String subject) throws Exception {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(server.getSmtp().getPort()));
    MimeMessage m = new MimeMessage(Session.getInstance(p));
    m.setFrom(new InternetAddress("someone@example.org"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
    m.setSubject(subject);
    m.setText("body of " + subject);
    Transport.send(m);
  }
}

package io.doorman.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.doorman.ingest.imap.ImapSettings;
import io.doorman.testing.Eventually;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * GreenMail (SMTP and IMAP on free loopback ports, IMAP with TCP_NODELAY like a real server) with
 * Doorman's mailbox and three people, and the
 * test's side of the protocols: delivering forwards and answers over SMTP, counting folders over
 * IMAP, restarting the server on the same ports with the mail that was left.
 */
public final class Mailboxes implements AutoCloseable {

  public static final String DOORMAN = "doorman@example.com";
  public static final String ALICE = "alice@example.com";
  public static final String BOB = "bob@team.example";
  public static final String CAROL = "carol@elsewhere.example";
  public static final String PASSWORD = "pw";

  /** Gmail's forwarding-confirmation email, as alice@gmail.com asking to forward to Doorman gets it. */
  public static final String GMAIL_CONFIRMATION_FROM = "Gmail Team <forwarding-noreply@google.com>";
  public static final String GMAIL_CONFIRMATION_SUBJECT =
      "(#871234567) Gmail Forwarding Confirmation - Receive Mail from alice@gmail.com";
  public static final String GMAIL_CONFIRMATION_BODY = """
      alice@gmail.com has requested to automatically forward mail to your email
      address doorman@example.com.
      Confirmation code: 871234567

      To allow alice@gmail.com to automatically forward mail to your address,
      please click the link below to confirm the request:

      https://mail-settings.google.com/mail/vf-%5BANGjdJ9abc%5D-xyz

      If you click the link and it appears to be broken, please copy and paste it
      into a new window.
      """;

  private GreenMail server;
  private final Session session = Session.getInstance(new Properties());
  private final int imapPort;
  private final int smtpPort;

  public Mailboxes() {
    NoDelayGreenMail first = new NoDelayGreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    server = first;
    server.start();
    users();
    imapPort = first.imapPort();
    smtpPort = server.getSmtp().getPort();
  }

  private void users() {
    for (String u : List.of(DOORMAN, ALICE, BOB, CAROL)) {
      server.setUser(u, u, PASSWORD);
    }
  }

  public int imapPort() {
    return imapPort;
  }

  public int smtpPort() {
    return smtpPort;
  }

  /** Doorman's mailbox, plain IMAP, timings short enough for tests. */
  public ImapSettings imapSettings() {
    return ImapSettings.plain("127.0.0.1", imapPort(), DOORMAN, PASSWORD)
        .withTimings(Duration.ofMinutes(25), Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofMinutes(2));
  }

  /** The raw bytes of a sample email under samples/, with its LinkedIn ids made unique by {@code n}. */
  public static byte[] sample(String name, int n) {
    Path p = Path.of(System.getProperty("user.dir")).getParent().resolve("samples").resolve(name);
    try {
      String s = Files.readString(p, StandardCharsets.UTF_8);
      if (n > 0) {
        s = s.replaceAll("invitationId=7300000000000000(\\d{3})", "invitationId=74" + String.format("%014d", n))
            .replaceAll("<sample-(\\d+)@", "<sample-$1-" + n + "@");
      }
      return s.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code from} forwards {@code original} to Doorman as an attachment (message/rfc822). */
  public void forwardAsAttachment(String from, byte[] original) throws MessagingException {
    send(forward(from, original), DOORMAN);
  }

  /** The bytes of such a forward, for handing to a router directly. */
  public static byte[] forwardBytes(String from, byte[] original) throws MessagingException {
    return bytes(forward(from, original));
  }

  /** The bytes of a plain email. */
  public static byte[] textBytes(String from, String to, String subject, String body) throws MessagingException {
    return bytes(text(from, to, subject, body));
  }

  private static byte[] bytes(MimeMessage m) throws MessagingException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      m.saveChanges();
      m.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static MimeMessage forward(String from, byte[] original) throws MessagingException {
    MimeMessage outer = new MimeMessage(Session.getInstance(new Properties()));
    outer.setFrom(new InternetAddress(from));
    outer.setRecipient(Message.RecipientType.TO, new InternetAddress(DOORMAN));
    outer.setSubject("Fwd: I want to connect");
    MimeBodyPart note = new MimeBodyPart();
    note.setText("Can you look at this one?", "utf-8");
    MimeBodyPart attached = new MimeBodyPart();
    attached.setDataHandler(new DataHandler(new ByteArrayDataSource(original, "message/rfc822")));
    outer.setContent(new MimeMultipart(note, attached));
    return outer;
  }

  /** A plain email; {@code envelopeTo} is where the server delivers it (To may say otherwise). */
  public void sendText(String from, String to, String subject, String body, String envelopeTo) throws MessagingException {
    send(text(from, to, subject, body), envelopeTo);
  }

  private static MimeMessage text(String from, String to, String subject, String body) throws MessagingException {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject, "utf-8");
    m.setText(body, "utf-8");
    return m;
  }

  public void send(MimeMessage m, String envelopeTo) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(smtpPort()));
    m.saveChanges();
    Transport t = Session.getInstance(p).getTransport("smtp");
    t.connect();
    try {
      t.sendMessage(m, new Address[] {new InternetAddress(envelopeTo)});
    } finally {
      t.close();
    }
  }

  /** Messages in one of Doorman's folders ("/" as Doorman names them). */
  public int count(String folder) {
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", imapPort(), DOORMAN, PASSWORD);
      Folder f = store.getFolder(folder.replace('/', store.getDefaultFolder().getSeparator()));
      return f.exists() ? f.getMessageCount() : 0;
    } catch (MessagingException e) {
      return -1;
    }
  }

  /** What {@code user} received, oldest first (read over IMAP). */
  public List<Received> inboxOf(String user) {
    List<Received> out = new ArrayList<>();
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", imapPort(), user, PASSWORD);
      Folder f = store.getFolder("INBOX");
      f.open(Folder.READ_ONLY);
      for (Message m : f.getMessages()) {
        MimeMessage mm = (MimeMessage) m;
        String replyTo = Arrays.stream(mm.getReplyTo()).map(Address::toString).reduce("", String::concat);
        out.add(new Received(mm.getSubject(), replyTo, text(mm), mm.getContentType(), mm.getMessageID()));
      }
      f.close(false);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** One email as a person got it. */
  public record Received(String subject, String replyTo, String text, String contentType, String messageId) {}

  private static String text(Message m) throws MessagingException, IOException {
    Object c = m.getContent();
    if (c instanceof String s) {
      return s;
    }
    if (c instanceof MimeMultipart mp) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        Object part = mp.getBodyPart(i).getContent();
        b.append(part instanceof String s ? s : "").append("\n--part--\n");
      }
      return b.toString();
    }
    return "";
  }

  /**
   * Stops the server and starts a new one on the same ports with the same users and whatever was
   * left in Doorman's inbox ({@code left}, taken by {@link #inboxLeft()} before the stop).
   */
  public void restartWith(List<MimeMessage> left) {
    server.stop();
    server = new NoDelayGreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    server.start();
    users();
    GreenMailUser doorman = server.getUserManager().getUser(DOORMAN);
    for (MimeMessage m : left) {
      doorman.deliver(m);
    }
  }

  public void stop() {
    server.stop();
  }

  /** A copy of what is in Doorman's inbox now (server side). */
  public List<MimeMessage> inboxLeft() throws FolderException, MessagingException {
    GreenMailUser doorman = server.getUserManager().getUser(DOORMAN);
    List<MimeMessage> out = new ArrayList<>();
    for (StoredMessage m : server.getManagers().getImapHostManager().getInbox(doorman).getMessages()) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try {
        m.getMimeMessage().writeTo(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.add(new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray())));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Waits for a condition, failing after 20 seconds; never sleeps for a fixed time. */
  public static void await(BooleanSupplier condition, String what) {
    Eventually.within(Duration.ofSeconds(20), what, condition);
  }

}

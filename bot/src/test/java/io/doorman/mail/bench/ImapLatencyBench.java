package io.doorman.mail.bench;

import io.doorman.testing.All;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.doorman.ingest.MailReader;
import io.doorman.ingest.imap.Disposition;
import io.doorman.ingest.imap.ImapSettings;
import io.doorman.ingest.imap.MailHandler;
import io.doorman.ingest.imap.Sleeper;
import io.doorman.intake.Intake;
import io.doorman.mail.ImapIntake;
import io.doorman.mail.MailConversation;
import io.doorman.mail.MailRouter;
import io.doorman.mail.NoDelayGreenMail;
import io.doorman.mail.gmail.ForwardingConfirmations;
import io.doorman.policies.engine.Policy;
import io.doorman.store.Database;
import io.doorman.store.Ingestion;
import io.doorman.store.Invitations;
import io.doorman.events.Events;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end latency of mail in: N invitation emails delivered over SMTP to GreenMail, read by
 * {@link ImapIntake} through IDLE, stored by Intake in an H2 file. Latency is from the moment the
 * SMTP server accepted a message (GreenMail has delivered it to the mailbox by then) to the moment
 * Intake's commit returned. Run by hand: {@code bot/bench/run-imap-latency.sh [N] [PER_SECOND]}.
 */
public final class ImapLatencyBench {

  private static final Pattern SEQ = Pattern.compile("X-Bench-Seq: (\\d+)");

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 25;
    boolean noDelay = args.length > 2 && args[2].equals("nodelay");
    String template = Files.readString(Path.of("samples/01-invitation-met-at-meetup.eml"), StandardCharsets.UTF_8);
    Path dir = Files.createTempDirectory("doorman-imap-bench");

    ServerSetup[] setup = ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP);
    GreenMail server = noDelay ? new NoDelayGreenMail(setup) : new GreenMail(setup);
    server.start();
    int imapPort = noDelay ? ((NoDelayGreenMail) server).imapPort() : server.getImap().getPort();
    server.setUser("doorman@example.com", "doorman@example.com", "pw");
    Database db = Database.h2File(dir.resolve("data"));
    Invitations store = new Invitations(db);
    MailRouter router = new MailRouter(new Intake(new MailReader(), Policy.defaults(), new Ingestion(db, Clock.systemUTC()), new Events()),
        new ForwardingConfirmations(Clock.systemUTC()), MailConversation.NONE);

    long[] sent = new long[n];
    long[] stored = new long[n];
    AtomicInteger done = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong inHandler = new java.util.concurrent.atomic.AtomicLong();
    MailHandler timed = raw -> {
      long t0 = System.nanoTime();
      Disposition d = router.handle(raw);
      long now = System.nanoTime();
      inHandler.addAndGet(now - t0);
      Matcher m = SEQ.matcher(new String(raw.bytes(), 0, Math.min(raw.bytes().length, 2000), StandardCharsets.US_ASCII));
      if (d == Disposition.STORED && m.find()) {
        int seq = Integer.parseInt(m.group(1));
        if (stored[seq] == 0) {
          stored[seq] = now;
          done.incrementAndGet();
        }
      }
      return d;
    };
    ImapSettings settings = ImapSettings.plain("127.0.0.1", imapPort, "doorman@example.com", "pw");
    ImapIntake imap = new ImapIntake(settings, timed, db, Clock.systemUTC(), Sleeper.REAL, ImapIntake.LEASE, "bench");
    imap.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (imap.status().connection().map(s -> s.idles() == 0).orElse(true)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("IMAP did not start idling: " + imap.status());
      }
      Thread.sleep(10);
    }

    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(server.getSmtp().getPort()));
    Session session = Session.getInstance(p);
    Transport smtp = session.getTransport("smtp");
    smtp.connect();
    Address[] to = {new InternetAddress("doorman@example.com")};
    long interval = perSecond > 0 ? (long) (1_000_000_000L / perSecond) : 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = start + i * interval;
      while (System.nanoTime() < due) {
        Thread.sleep(0, 200_000);
      }
      String text = "X-Bench-Seq: " + i + "\r\n" + template
          .replaceAll("invitationId=7300000000000000(\\d{3})", "invitationId=75" + String.format("%014d", i))
          .replaceAll("<sample-(\\d+)@", "<bench-" + i + "-$1@");
      MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      smtp.sendMessage(m, to);
      sent[i] = System.nanoTime();
    }
    smtp.close();
    long sendTime = System.nanoTime() - start;
    deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (done.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long total = System.nanoTime() - start;
    imap.close();
    server.stop();

    double[] ms = new double[done.get()];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (stored[i] != 0) {
        ms[k++] = (stored[i] - sent[i]) / 1e6;
      }
    }
    Arrays.sort(ms);
    System.out.println(noDelay ? "GreenMail's IMAP with TCP_NODELAY" : "GreenMail as it comes");
    System.out.printf("messages: %d sent in %.1f s (%.1f/s asked), %d stored in %.1f s; stored in the database: %d%n",
        n, sendTime / 1e9, perSecond, done.get(), total / 1e9, All.invitations(store).size());
    if (ms.length > 0) {
      System.out.printf("latency delivery -> stored: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1]);
    }
    System.out.printf("time in the handler (read, classify, store): %.1f ms per message%n",
        inHandler.get() / 1e6 / Math.max(1, done.get()));
    if (done.get() < n) {
      System.out.println("MISSING: " + (n - done.get()) + " messages were not stored within 120 s");
      System.exit(1);
    }
  }

  private static double pct(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}

package io.doorman.ingest.bench;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.mime.MimeReader;
import io.doorman.ingest.source.MailSources;
import io.doorman.ingest.source.SourceEntry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput on one thread, in messages per second, over the same bytes: Doorman's reader
 * (MIME and LinkedIn templates), its MIME layer alone, naive Jakarta Mail (MimeMessage, then
 * getContent of every text part) and Apache mime4j's DOM parser. The messages are the first
 * {@code doorman.bench.count} (default 20,000) of the mbox at {@code doorman.bench.mbox} (default
 * /tmp/big.mbox, from {@code gen.py mbox 100000 /tmp/big.mbox}), held in memory. With {@code
 * -Ddoorman.bench.baseline=…} an earlier build's reader runs in the same JMH run ({@code
 * baselineReader}; see {@link BaselineReader}). Run with {@code mail-ingest/bench/run-parse-bench.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class ParseBenchmark {

  private List<RawMail> mails;
  private int next;
  private final MailReader doorman = new MailReader();
  private final MimeReader mime = new MimeReader();
  private final Session session = Session.getInstance(new Properties());
  private final DefaultMessageBuilder mime4j = mime4jBuilder();
  private BaselineReader baseline;

  @Setup(Level.Trial)
  public void load() throws Exception {
    String path = System.getProperty("doorman.bench.mbox", "/tmp/big.mbox");
    int count = Integer.getInteger("doorman.bench.count", 20_000);
    mails = new ArrayList<>(count);
    try (Stream<SourceEntry> entries = MailSources.open(path, System.in)) {
      entries
          .filter(e -> e instanceof SourceEntry.Mail)
          .limit(count)
          .forEach(e -> mails.add(((SourceEntry.Mail) e).mail()));
    }
    if (mails.isEmpty()) {
      throw new IllegalStateException("no messages in " + path + "; run gen.py mbox first");
    }
    baseline = BaselineReader.fromProperty().orElse(null);
    long notifications = 0;
    for (RawMail m : mails) {
      try {
        notifications += doorman.read(m).size();
      } catch (UnreadableMailException e) {
        // counted as none
      }
    }
    System.out.printf(
        "%nParseBenchmark: %d messages, %d notifications (%.3f per message)%n",
        mails.size(), notifications, (double) notifications / mails.size());
  }

  private RawMail nextMail() {
    RawMail m = mails.get(next);
    next = next + 1 == mails.size() ? 0 : next + 1;
    return m;
  }

  @Benchmark
  public void doormanReader(Blackhole bh) throws Exception {
    try {
      bh.consume(doorman.read(nextMail()));
    } catch (UnreadableMailException e) {
      bh.consume(e);
    }
  }

  /** The earlier build named by {@code doorman.bench.baseline}; skipped (a no-op) without one. */
  @Benchmark
  public void baselineReader(Blackhole bh) throws Exception {
    if (baseline != null) {
      RawMail m = nextMail();
      bh.consume(baseline.read(m.source(), m.bytes()));
    }
  }

  @Benchmark
  public void doormanMimeOnly(Blackhole bh) throws Exception {
    try {
      bh.consume(mime.read(nextMail()));
    } catch (UnreadableMailException e) {
      bh.consume(e);
    }
  }

  @Benchmark
  public void naiveJakartaMail(Blackhole bh) throws Exception {
    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(nextMail().bytes()));
    jakartaTexts(message, bh, 0);
  }

  private static void jakartaTexts(Part part, Blackhole bh, int depth) throws Exception {
    if (depth > 10) {
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Object content = part.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          jakartaTexts(mp.getBodyPart(i), bh, depth + 1);
        }
      }
    } else if (part.isMimeType("message/rfc822")) {
      Object content = part.getContent();
      if (content instanceof Part inner) {
        jakartaTexts(inner, bh, depth + 1);
      }
    } else if (part.isMimeType("text/*")) {
      try {
        bh.consume(part.getContent());
      } catch (java.io.UnsupportedEncodingException e) {
        bh.consume(e);
      }
    }
  }

  @Benchmark
  public void mime4jDom(Blackhole bh) throws Exception {
    Message message = mime4j.parseMessage(new ByteArrayInputStream(nextMail().bytes()));
    mime4jTexts(message, bh, 0);
    message.dispose();
  }

  private static void mime4jTexts(Entity entity, Blackhole bh, int depth) throws Exception {
    if (depth > 10) {
      return;
    }
    Body body = entity.getBody();
    if (body instanceof org.apache.james.mime4j.dom.Multipart mp) {
      for (Entity part : mp.getBodyParts()) {
        mime4jTexts(part, bh, depth + 1);
      }
    } else if (body instanceof Message inner) {
      mime4jTexts(inner, bh, depth + 1);
    } else if (body instanceof TextBody text) {
      char[] buffer = new char[8192];
      try (Reader reader = text.getReader()) {
        int n;
        while ((n = reader.read(buffer)) > 0) {
          bh.consume(n);
        }
      }
    }
  }

  private static DefaultMessageBuilder mime4jBuilder() {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
    return builder;
  }
}

package io.doorman.ingest.linkedin;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import io.doorman.ingest.authenticity.LinkedInHosts;
import io.doorman.ingest.corpus.SharedCorpus;
import io.doorman.ingest.mime.Mailbox;
import io.doorman.ingest.mime.MimeMail;
import io.doorman.ingest.mime.MimeReader;
import io.doorman.policies.Kind;
import io.doorman.policies.Notification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every email in the shared corpus and the repo's fixtures, as it is and damaged in 1,000 seeded
 * ways (truncation, byte flips, boundary damage, header bombs, huge lines, deep nesting, …): at
 * least one line comes out (a notification, or a clear refusal that the command line turns into
 * a line); nothing else escapes; no single message takes a second; and no email from a LinkedIn
 * sender domain comes out {@code other} in silence unless its template is one LinkedIn uses for
 * mail that is no notification.
 */
@Execution(ExecutionMode.CONCURRENT)
class EveryEmailGivesALineTest {

  private static final int MUTATIONS_PER_EMAIL = 1_000;
  /**
   * Far above any message's time (a 2 MB line reads in about 100 ms) and far below what a
   * super-linear reading of one would take; generous because two emails are read at once.
   */
  private static final long MAX_NANOS_PER_MESSAGE = Duration.ofSeconds(2).toNanos();

  private record Mutation(String name, BiFunction<byte[], Random, byte[]> apply) {}

  private static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation("truncate", EveryEmailGivesALineTest::truncate),
          new Mutation("flip bytes", EveryEmailGivesALineTest::flipBytes),
          new Mutation("damage boundary", EveryEmailGivesALineTest::damageBoundary),
          new Mutation("delete range", EveryEmailGivesALineTest::deleteRange),
          new Mutation("duplicate range", EveryEmailGivesALineTest::duplicateRange),
          new Mutation("bare CR line ends", (b, r) -> replaceAll(b, "\r\n", "\r")),
          new Mutation("no line ends", (b, r) -> replaceAll(b, "\n", "")),
          new Mutation("garbage charset", EveryEmailGivesALineTest::garbageCharset),
          new Mutation("header bomb", EveryEmailGivesALineTest::headerBomb),
          new Mutation("huge line", EveryEmailGivesALineTest::hugeLine),
          new Mutation("deep nesting", EveryEmailGivesALineTest::deepNesting));

  private static final MimeReader MIME = new MimeReader();
  private static final Pattern TEMPLATE_HEADER =
      Pattern.compile("(?im)^X-LinkedIn-(Template|Class):[ \\t]*([^\\r\\n]+)");
  private static final Pattern TRACKED_TEMPLATE =
      Pattern.compile("(?:trk(?:Email)?=eml-|[?&]ek=)([A-Za-z0-9_]+)");

  @TestFactory
  List<DynamicTest> everyEmailAndEachOfItsDamagesGivesALine() throws Exception {
    MailReader reader = new MailReader();
    List<Path> emails = new ArrayList<>(SharedCorpus.emailsIfPresent());
    emails.addAll(fixtures());
    return emails.stream()
        .map(email -> DynamicTest.dynamicTest(email.getFileName().toString(), () -> mutateAndRead(reader, email)))
        .toList();
  }

  private static List<Path> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(EveryEmailGivesALineTest.class.getResource("fixtures").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    }
  }

  private static void mutateAndRead(MailReader reader, Path email) throws Exception {
    byte[] original = Files.readAllBytes(email);
    long seed = email.getFileName().toString().hashCode();
    Random random = new Random(seed);
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          long slowest = 0;
          String slowestName = "";
          for (int i = 0; i <= MUTATIONS_PER_EMAIL; i++) {
            Mutation mutation = i == 0 ? new Mutation("none", (b, r) -> b) : pick(random, i);
            byte[] damaged = mutation.apply().apply(original, random);
            String what = email.getFileName() + " mutation #" + i + " (" + mutation.name() + ", seed " + seed + ")";
            long start = System.nanoTime();
            try {
              List<Notification> lines = reader.read(new RawMail(email.getFileName() + "~" + i, damaged));
              assertTrue(!lines.isEmpty(), what + ": no line came out");
              assertNotOtherInSilence(damaged, lines, what);
            } catch (UnreadableMailException expected) {
              // A clear refusal is a fine answer to damage: classify prints it as a line.
            } catch (RuntimeException | Error e) {
              fail(what + ": " + e, e);
            }
            long took = System.nanoTime() - start;
            if (took > slowest) {
              slowest = took;
              slowestName = "#" + i + " (" + mutation.name() + ")";
            }
          }
          assertTrue(
              slowest < MAX_NANOS_PER_MESSAGE,
              email.getFileName() + ": slowest damaged message " + slowestName + " took " + slowest / 1_000_000 + " ms");
        });
  }

  /**
   * Mail from a LinkedIn domain that comes out as {@code other} says why in its problems, unless
   * the template it names (header or links) is one of LinkedIn's mail that is no notification.
   */
  private static void assertNotOtherInSilence(byte[] bytes, List<Notification> lines, String what) {
    Notification first = lines.get(0);
    Optional<String> sender = linkedInSender(bytes);
    if (first.kind() != Kind.OTHER || first.origin().needsALook() || sender.isEmpty()) {
      return;
    }
    if (Family.ofSender(sender.get().substring(0, sender.get().indexOf('@'))) == Family.NOT_A_NOTIFICATION) {
      return; // jobalerts-noreply@, editors-noreply@, …
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    Matcher header = TEMPLATE_HEADER.matcher(text);
    while (header.find()) {
      Family f = header.group(1).equalsIgnoreCase("Template") ? Family.ofTemplate(header.group(2)) : Family.ofClass(header.group(2));
      if (f == Family.NOT_A_NOTIFICATION) {
        return;
      }
    }
    Matcher tracked = TRACKED_TEMPLATE.matcher(text);
    while (tracked.find()) {
      if (Family.ofTemplate(tracked.group(1)) == Family.NOT_A_NOTIFICATION) {
        return;
      }
    }
    fail(what + ": a LinkedIn email came out 'other' with no problem named");
  }

  /** The From address when it is at one of LinkedIn's domains. */
  private static Optional<String> linkedInSender(byte[] bytes) {
    try {
      MimeMail mail = MIME.read(new RawMail("from", bytes));
      Optional<String> address = mail.header("From").map(Mailbox::parse).flatMap(Mailbox::address);
      return address.filter(a -> a.indexOf('@') > 0 && LinkedInHosts.isLinkedIn(a.substring(a.lastIndexOf('@') + 1)));
    } catch (UnreadableMailException e) {
      return Optional.empty();
    }
  }

  /** Cheap mutations most of the time; the big ones (bombs, huge lines, nesting) now and then. */
  private static Mutation pick(Random random, int i) {
    if (i % 50 == 0) {
      return MUTATIONS.get(8 + (i / 50) % 3);
    }
    return MUTATIONS.get(random.nextInt(8));
  }

  private static byte[] truncate(byte[] b, Random r) {
    return Arrays.copyOf(b, r.nextInt(b.length + 1));
  }

  private static byte[] flipBytes(byte[] b, Random r) {
    byte[] out = b.clone();
    int flips = 1 + r.nextInt(20);
    for (int i = 0; i < flips && out.length > 0; i++) {
      out[r.nextInt(out.length)] = (byte) r.nextInt(256);
    }
    return out;
  }

  private static byte[] damageBoundary(byte[] b, Random r) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int at = s.indexOf("\n--", r.nextInt(Math.max(1, s.length() / 2)));
    if (at < 0) {
      at = s.indexOf("boundary");
    }
    if (at < 0) {
      return flipBytes(b, r);
    }
    StringBuilder sb = new StringBuilder(s);
    int end = Math.min(sb.length(), at + 3 + r.nextInt(40));
    switch (r.nextInt(3)) {
      case 0 -> sb.delete(at, end);
      case 1 -> sb.setCharAt(Math.min(sb.length() - 1, at + 3 + r.nextInt(5)), 'X');
      default -> sb.insert(at, "\n--" + "-".repeat(r.nextInt(70)) + "\n");
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] deleteRange(byte[] b, Random r) {
    int from = r.nextInt(b.length + 1);
    int to = Math.min(b.length, from + r.nextInt(2000));
    byte[] out = new byte[b.length - (to - from)];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(b, to, out, from, b.length - to);
    return out;
  }

  private static byte[] duplicateRange(byte[] b, Random r) {
    int from = r.nextInt(b.length + 1);
    int to = Math.min(b.length, from + r.nextInt(4000));
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + (to - from));
    out.write(b, 0, to);
    out.write(b, from, b.length - from);
    return out.toByteArray();
  }

  private static byte[] garbageCharset(byte[] b, Random r) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    return s.replaceAll("(?i)charset=\"?[\\w-]+\"?", "charset=\"x-" + r.nextInt(1000) + "\u0000\"")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] headerBomb(byte[] b, Random r) {
    StringBuilder bomb = new StringBuilder();
    if (r.nextBoolean()) {
      for (int i = 0; i < 5_000; i++) {
        bomb.append("X-Bomb-").append(i).append(": ").append("=?utf-8?B?").append("QUJD".repeat(5)).append("?=\r\n");
      }
    } else {
      bomb.append("Subject: ").append("=?utf-8?Q?a?= ".repeat(20_000)).append("\r\n");
    }
    return concat(bomb.toString().getBytes(StandardCharsets.ISO_8859_1), b);
  }

  private static byte[] hugeLine(byte[] b, Random r) {
    byte[] line = new byte[2 * 1024 * 1024];
    Arrays.fill(line, (byte) ('a' + r.nextInt(26)));
    int at = r.nextInt(b.length + 1);
    return concat(Arrays.copyOf(b, at), concat(line, Arrays.copyOfRange(b, at, b.length)));
  }

  private static byte[] deepNesting(byte[] b, Random r) {
    int depth = 20 + r.nextInt(40);
    StringBuilder head = new StringBuilder("From: x@example.com\r\nSubject: nest\r\n");
    StringBuilder tail = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      head.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
      tail.insert(0, "\r\n--b" + i + "--\r\n");
    }
    head.append("Content-Type: message/rfc822\r\n\r\n");
    return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), concat(b, tail.toString().getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static byte[] replaceAll(byte[] b, String from, String to) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

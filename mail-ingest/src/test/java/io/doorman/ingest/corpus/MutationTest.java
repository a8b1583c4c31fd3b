package io.doorman.ingest.corpus;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.doorman.ingest.MailReader;
import io.doorman.ingest.RawMail;
import io.doorman.ingest.UnreadableMailException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Damages every corpus email in 1,000 seeded ways (truncation, byte flips, boundary damage, header
 * bombs, huge lines, deep nesting, …) and reads each result: nothing but {@link
 * UnreadableMailException} may escape, and no single message may take a second.
 */
class MutationTest {

  private static final int MUTATIONS_PER_EMAIL = 1_000;
  private static final long MAX_NANOS_PER_MESSAGE = Duration.ofSeconds(1).toNanos();

  private record Mutation(String name, BiFunction<byte[], Random, byte[]> apply) {}

  private static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation("truncate", MutationTest::truncate),
          new Mutation("flip bytes", MutationTest::flipBytes),
          new Mutation("damage boundary", MutationTest::damageBoundary),
          new Mutation("delete range", MutationTest::deleteRange),
          new Mutation("duplicate range", MutationTest::duplicateRange),
          new Mutation("bare CR line ends", (b, r) -> replaceAll(b, "\r\n", "\r")),
          new Mutation("no line ends", (b, r) -> replaceAll(b, "\n", "")),
          new Mutation("garbage charset", MutationTest::garbageCharset),
          new Mutation("header bomb", MutationTest::headerBomb),
          new Mutation("huge line", MutationTest::hugeLine),
          new Mutation("deep nesting", MutationTest::deepNesting));

  @TestFactory
  List<DynamicTest> noDamagedEmailEscapesOrHangs() throws Exception {
    MailReader reader = new MailReader();
    return SharedCorpus.emails().stream()
        .map(email -> DynamicTest.dynamicTest(email.getFileName().toString(), () -> mutateAndRead(reader, email)))
        .toList();
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
          for (int i = 0; i < MUTATIONS_PER_EMAIL; i++) {
            Mutation mutation = pick(random, i);
            byte[] damaged = mutation.apply().apply(original, random);
            long start = System.nanoTime();
            try {
              reader.read(new RawMail(email.getFileName() + "~" + i, damaged));
            } catch (UnreadableMailException expected) {
              // A clear refusal is a fine answer to damage.
            } catch (RuntimeException | Error e) {
              fail(email.getFileName() + " mutation #" + i + " (" + mutation.name() + ", seed " + seed + "): " + e, e);
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

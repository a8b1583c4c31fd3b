package io.doorman.ingest.source;

import io.doorman.ingest.Limits;
import io.doorman.ingest.RawMail;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Opens the inputs named on a command line: an email file, an mbox file (recognised by its first
 * line, {@code From }), a directory (recursive, in name order; Maildir {@code cur/} and {@code new/}
 * included, {@code tmp/} and hidden files skipped), or {@code -} for standard input. Everything
 * streams: one message is in memory at a time.
 */
public final class MailSources {

  private MailSources() {}

  /** Every email under {@code path}, each as a {@link SourceEntry}; close the stream. */
  public static Stream<SourceEntry> open(String path, InputStream stdin) {
    return open(path, stdin, Limits.DEFAULTS);
  }

  public static Stream<SourceEntry> open(String path, InputStream stdin, Limits limits) {
    if (path.equals("-")) {
      return fromStream(new BufferedInputStream(stdin), "-", limits, false);
    }
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      return Stream.of(new SourceEntry.Problem(path, "no such file or directory"));
    }
    if (Files.isDirectory(p)) {
      return directory(p, limits);
    }
    return file(p, limits);
  }

  private static Stream<SourceEntry> directory(Path dir, Limits limits) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !hiddenOrTmp(dir, f))
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      return Stream.of(new SourceEntry.Problem(dir.toString(), "cannot list: " + e.getMessage()));
    }
    return files.stream().flatMap(f -> file(f, limits));
  }

  private static boolean hiddenOrTmp(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      String name = part.toString();
      if (name.startsWith(".") || name.equals("tmp")) {
        return true;
      }
    }
    return false;
  }

  private static Stream<SourceEntry> file(Path file, Limits limits) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
      return fromStream(in, file.toString(), limits, true);
    } catch (IOException e) {
      return Stream.of(new SourceEntry.Problem(file.toString(), "cannot read: " + e.getMessage()));
    }
  }

  /** One message, or an mbox when the input starts with a {@code From } line. */
  private static Stream<SourceEntry> fromStream(
      InputStream in, String name, Limits limits, boolean closeAfter) {
    try {
      in.mark(5);
      byte[] head = in.readNBytes(5);
      in.reset();
      if (MboxReader.isFromLine(head)) {
        Iterator<SourceEntry> mbox = new MboxReader(in, name, limits.maxMessageBytes());
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(mbox, Spliterator.ORDERED | Spliterator.NONNULL),
                false)
            .onClose(() -> closeQuietly(in, closeAfter));
      }
      byte[] bytes = in.readNBytes(limits.maxMessageBytes() + 1);
      closeQuietly(in, closeAfter);
      if (bytes.length > limits.maxMessageBytes()) {
        return Stream.of(
            new SourceEntry.Problem(
                name, "message is over the " + limits.maxMessageBytes() / (1024 * 1024) + " MB limit; skipped"));
      }
      return Stream.of(new SourceEntry.Mail(new RawMail(name, bytes)));
    } catch (IOException | UncheckedIOException e) {
      closeQuietly(in, closeAfter);
      return Stream.of(new SourceEntry.Problem(name, "cannot read: " + e.getMessage()));
    }
  }

  private static void closeQuietly(InputStream in, boolean close) {
    if (!close) {
      return;
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // Nothing was written; a failed close of an input loses nothing.
    }
  }
}

package io.doorman.ingest.source;

import io.doorman.ingest.RawMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Opens the inputs named on a command line. First version: files, directories and stdin. */
public final class MailSources {

  private MailSources() {}

  /**
   * Every email under {@code path} ({@code -} is standard input), in a stable order, each as a
   * {@link SourceEntry}. The stream must be closed.
   */
  public static Stream<SourceEntry> open(String path, InputStream stdin) {
    if (path.equals("-")) {
      try {
        return Stream.of(new SourceEntry.Mail(new RawMail("-", stdin.readAllBytes())));
      } catch (IOException e) {
        return Stream.of(new SourceEntry.Problem("-", "cannot read standard input: " + e.getMessage()));
      }
    }
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      return Stream.of(new SourceEntry.Problem(path, "no such file or directory"));
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(p)) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    } catch (IOException | UncheckedIOException e) {
      return Stream.of(new SourceEntry.Problem(path, "cannot list: " + e.getMessage()));
    }
    return files.stream().map(MailSources::readFile);
  }

  private static SourceEntry readFile(Path file) {
    try {
      return new SourceEntry.Mail(new RawMail(file.toString(), Files.readAllBytes(file)));
    } catch (IOException e) {
      return new SourceEntry.Problem(file.toString(), "cannot read: " + e.getMessage());
    }
  }
}

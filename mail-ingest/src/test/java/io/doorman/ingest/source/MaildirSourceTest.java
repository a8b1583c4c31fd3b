package io.doorman.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.doorman.ingest.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirSourceTest {

  @TempDir Path dir;

  private Path write(String relative) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "Subject: " + relative + "\n\nbody\n");
  }

  @Test
  void readsCurAndNewInNameOrderAndSkipsTmpAndHiddenFiles() throws Exception {
    Path b = write("inbox/new/2.eml");
    Path a = write("inbox/cur/1.eml:2,S");
    write("inbox/tmp/3.eml");
    write("inbox/.hidden/4.eml");
    write("inbox/cur/.5.eml");

    List<SourceEntry> entries = MboxSourceTest.read(dir, Limits.DEFAULTS);

    assertEquals(
        List.of(a.toString(), b.toString()),
        entries.stream().map(e -> ((SourceEntry.Mail) e).mail().source()).toList());
  }

  @Test
  void aMissingPathIsAProblemNamedForAPerson() {
    List<SourceEntry> entries = MboxSourceTest.read(dir.resolve("nope"), Limits.DEFAULTS);

    SourceEntry.Problem p = assertInstanceOf(SourceEntry.Problem.class, entries.get(0));
    assertEquals("no such file or directory", p.reason());
  }
}

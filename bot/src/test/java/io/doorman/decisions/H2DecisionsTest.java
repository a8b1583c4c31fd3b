package io.doorman.decisions;

import io.doorman.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The decision service on H2 in a file, as the embedded default runs it. */
class H2DecisionsTest extends DecisionsContractTest {

  @TempDir Path dir;

  private int n;

  @Override
  Database freshDatabase() {
    return Database.h2File(dir.resolve("db" + n++));
  }

  @Override
  Database sameDatabaseAgain() {
    return Database.h2File(dir.resolve("db" + (n - 1)));
  }
}

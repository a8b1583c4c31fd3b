package io.doorman.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2CompactionTest {

  @TempDir Path dir;

  @Test
  void aFileMostlyDeadIsCompactedAtCloseAndKeepsItsData() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
    Path file = dir.resolve("db.mv.db");
    long before;
    Optional<String> done;
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      writeAndRewrite(c);
      before = Files.size(file);
      done = Dialect.H2.compactIfMostlyDead(c, new FileSpace.Limits(1L << 20, 1L << 30));
    }
    assertTrue(done.isPresent(), "compacted");
    assertTrue(done.get().startsWith("compacted the database file from "), done.get());
    long after = Files.size(file);
    assertTrue(after < before / 2, "file " + before + " bytes before, " + after + " after");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(n) FROM t")) {
      rs.next();
      assertEquals(2_000, rs.getInt(1));
      assertEquals(2_000L * 1_999 / 2 + 2_000L * 9, rs.getLong(2));
    }
  }

  @Test
  void aFileMostlyLiveIsLeftAsItIs() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (n INT)");
        s.execute("INSERT INTO t VALUES (1)");
      }
      assertEquals(Optional.empty(), new Dialect.H2().closing(c));
      assertFalse(c.isClosed(), "still open");
    }
  }

  @Test
  void anInMemoryDatabaseHasNoFileToCompact() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:compaction", "sa", "")) {
      assertEquals(Optional.empty(), FileSpace.of(c));
    }
  }

  @Test
  void compactsOnlyWhenEnoughIsDeadAndLittleEnoughIsLive() {
    FileSpace.Limits limits = new FileSpace.Limits(64, 256);
    assertTrue(new FileSpace(400, 25).worthCompacting(limits));
    assertFalse(new FileSpace(100, 50).worthCompacting(limits), "50 dead");
    assertFalse(new FileSpace(2_000, 20).worthCompacting(limits), "400 live");
  }

  /** 2,000 rows of 2 KB, each rewritten nine times, 50 rows a commit: old versions pile up. */
  private static void writeAndRewrite(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY, n INT, pad VARCHAR(4000))");
    }
    String pad = "x".repeat(2_000);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
      for (int i = 0; i < 2_000; i++) {
        insert.setInt(1, i);
        insert.setInt(2, i);
        insert.setString(3, pad);
        insert.executeUpdate();
      }
    }
    c.commit();
    try (PreparedStatement update = c.prepareStatement("UPDATE t SET n = n + 1, pad = ? WHERE id = ?")) {
      for (int round = 0; round < 9; round++) {
        for (int i = 0; i < 2_000; i += 50) {
          for (int j = i; j < i + 50; j++) {
            update.setString(1, pad + round);
            update.setInt(2, j);
            update.executeUpdate();
          }
          c.commit();
        }
      }
    }
  }
}

package io.doorman.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** How big an H2 database file is and how much of it is live data, as H2 reports it. */
record FileSpace(long fileBytes, int livePercent) {

  /** When compacting is worth a wait at close: this much dead space, at most this much live data. */
  record Limits(long minDeadBytes, long maxLiveBytes) {}

  /**
   * At least 64 MB to win back, and at most 256 MB to copy (a few seconds here: 40 MB took 2.4 s),
   * so a store that is merely big does not hold up a shutdown for minutes.
   */
  static final Limits WORTH_COMPACTING = new Limits(64L << 20, 256L << 20);

  long liveBytes() {
    return fileBytes * livePercent / 100;
  }

  boolean worthCompacting(Limits limits) {
    return fileBytes - liveBytes() >= limits.minDeadBytes() && liveBytes() <= limits.maxLiveBytes();
  }

  /** The file's figures; empty for a database without a file (in memory). */
  static Optional<FileSpace> of(Connection c) throws SQLException {
    Optional<Long> size = setting(c, "info.FILE_SIZE");
    Optional<Long> fill = setting(c, "info.CHUNKS_FILL_RATE");
    if (size.isEmpty() || fill.isEmpty() || size.get() == 0) {
      return Optional.empty();
    }
    return Optional.of(new FileSpace(size.get(), fill.get().intValue()));
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
  }

  private static Optional<Long> setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(Long.parseLong(rs.getString(1).strip()));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
  }
}

package io.doorman.ingest;

import java.util.Objects;

/**
 * One email's bytes as read from a source, before any parsing.
 *
 * @param source where it was read: a path, or {@code path#N} for the N-th message of an mbox
 * @param bytes the message as RFC 5322 bytes (mbox quoting already undone)
 */
public record RawMail(String source, byte[] bytes) {

  public RawMail {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bytes, "bytes");
  }
}

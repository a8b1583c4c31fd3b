package io.doorman.ingest;

/**
 * Per-message limits on untrusted input; Jakarta Mail has none of its own. A message over a limit
 * is reported with the limit it broke and skipped; the rest of the input is still read.
 *
 * @param maxMessageBytes largest message read (default 10 MB)
 * @param maxDepth deepest nesting of multiparts and attached messages (default 10)
 * @param maxParts most MIME parts in one message (default 100)
 * @param maxHeaderBytes largest header block of one entity (default 64 KB)
 * @param maxLineBytes longest line in a header block (default 16 KB)
 */
public record Limits(
    int maxMessageBytes, int maxDepth, int maxParts, int maxHeaderBytes, int maxLineBytes) {

  public static final Limits DEFAULTS = new Limits(10 * 1024 * 1024, 10, 100, 64 * 1024, 16 * 1024);

  public Limits {
    if (maxMessageBytes <= 0 || maxDepth <= 0 || maxParts <= 0 || maxHeaderBytes <= 0 || maxLineBytes <= 0) {
      throw new IllegalArgumentException("every limit must be positive: " + this);
    }
  }
}

package io.doorman.ingest.forward;

import java.util.List;
import java.util.Optional;

/**
 * An inline-forwarded message: the original's header fields as the forward shows them, and the
 * original's body lines.
 */
public record Forwarded(
    Optional<String> from, Optional<String> to, Optional<String> subject, List<String> body) {

  public Forwarded {
    body = List.copyOf(body);
  }
}

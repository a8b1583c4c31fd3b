package io.doorman.ingest.source;

import io.doorman.ingest.RawMail;

/** What a source yields: an email, or a problem reading one (named, so the rest can go on). */
public sealed interface SourceEntry {

  /** An email read whole. */
  record Mail(RawMail mail) implements SourceEntry {}

  /** Something at {@code source} could not be read; {@code reason} says why, for a person. */
  record Problem(String source, String reason) implements SourceEntry {}
}

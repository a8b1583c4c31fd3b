/**
 * Where raw emails come from: a file, a directory or Maildir, an mbox, standard input. Every
 * source streams: one message in memory at a time.
 */
package io.doorman.ingest.source;

/**
 * The commands that read and change what Doorman remembers: {@code ingest}, {@code list}, {@code
 * show}, {@code decide}, {@code status} and {@code who}.
 */
package io.doorman.cli.store;

/**
 * The watched inbox directory: {@code .eml} files dropped into it, or a Maildir's {@code new/} and
 * {@code cur/}, each taken through {@link io.doorman.intake.Intake} and moved to {@code
 * .processed/} only once stored, or to {@code .failed/} with a {@code .reason} file when it cannot
 * be read. Nothing is deleted.
 */
package io.doorman.inbox;

/** {@code doorman config check}: every setting in effect, where it came from, and what it means. */
package io.doorman.cli.config;

/** Benchmarks of mail in, run by hand ({@code bot/bench/run-imap-latency.sh}); not tests. */
package io.doorman.mail.bench;

/**
 * Metrics: a small registry of counters and summaries ({@link io.doorman.metrics.Metrics}), the
 * ones Doorman counts ({@link io.doorman.metrics.DoormanMetrics}), and {@code /metrics} in
 * Prometheus' text exposition format, written by hand (no client library for six series).
 */
package io.doorman.metrics;

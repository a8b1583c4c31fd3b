#!/usr/bin/env bash
# Signed button clicks against the real /slack/events endpoint on loopback: the server (Jetty 12,
# H2 file, the Slack app, the fake Slack Web API) in its own JVM under -Xmx128m, the load from this
# one. Reports the server-side ack p50/p99/p99.9, start-up to ready, memory, and checks that every
# decision was stored exactly once.
# Start-up to ready is measured first: a first start on a new data directory, then five restarts.
# Usage: bot/bench/run-slack-load.sh [CLICKS_PER_SECOND [SECONDS [SERVER_JVM_OPTIONS [WARMUP_SECONDS]]]]
#        (default 200 30 -Xmx128m 10: the first 10 s warm the JVM up and are not measured)
set -euo pipefail
cd "$(dirname "$0")/../.."
# No install: the reactor resolves the sibling modules to their target/classes.
./mvnw -B -q -o -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx256m -cp "bot/target/test-classes:bot/target/classes:$(cat bot/target/bench.classpath)" \
  io.doorman.slack.bench.SlackLoadBench "${1:-200}" "${2:-30}" "${3:--Xmx128m}" "${4:-10}"

#!/usr/bin/env bash
# Signed button clicks against the real /slack/events endpoint on loopback (Jetty 12, H2 file,
# the fake Slack Web API), under -Xmx128m: server-side ack p99 / p99.9, start-up to ready, and
# every decision stored exactly once.
# Usage: bot/bench/run-slack-load.sh [CLICKS_PER_SECOND [SECONDS]]   (default 200 30)
set -euo pipefail
cd "$(dirname "$0")/../.."
# No install: the reactor resolves the sibling modules to their target/classes.
./mvnw -B -q -o -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java ${JAVA_OPTS:--Xmx128m} -cp "bot/target/test-classes:bot/target/classes:$(cat bot/target/bench.classpath)" \
  io.doorman.slack.bench.SlackLoadBench "${1:-200}" "${2:-30}"

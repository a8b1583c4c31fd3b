#!/usr/bin/env bash
# End-to-end latency of mail in: N messages (default 1000) delivered over SMTP to GreenMail at
# PER_SECOND (default 25; 0 = as fast as possible), picked up by the IMAP intake through IDLE and
# stored in H2; prints p50/p90/p99/max from delivery to stored.
# Usage: bot/bench/run-imap-latency.sh [N] [PER_SECOND] [nodelay]
# nodelay: GreenMail's IMAP connections with TCP_NODELAY, for comparison (see NoDelayGreenMail).
set -euo pipefail
cd "$(dirname "$0")/../.."
# test-compile + the test classpath in one reactor run (nothing installed into ~/.m2).
./mvnw -B -q -pl bot -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/bot/target/bench.classpath"
java -Xmx512m -cp "bot/target/test-classes:bot/target/classes:$(cat bot/target/bench.classpath)" \
  io.doorman.mail.bench.ImapLatencyBench "${1:-1000}" "${2:-25}" "${3:-}"

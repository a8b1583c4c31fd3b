#!/usr/bin/env bash
# Parse throughput (messages/s, one thread): Doorman vs naive Jakarta Mail vs mime4j DOM, same bytes.
# Usage: mail-ingest/bench/run-parse-bench.sh [MBOX] [COUNT]
#   MBOX defaults to /tmp/big.mbox, made with: python3 ../shared/corpus/gen.py mbox 100000 /tmp/big.mbox
set -euo pipefail
cd "$(dirname "$0")/../.."
mbox=${1:-/tmp/big.mbox}
count=${2:-20000}
[ -f "$mbox" ] || python3 ../shared/corpus/gen.py mbox 100000 "$mbox"
./mvnw -B -q -pl mail-ingest -am install -DskipTests
./mvnw -B -q -pl mail-ingest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd mail-ingest
./../mvnw -B -q test-compile
java -Ddoorman.bench.mbox="$mbox" -Ddoorman.bench.count="$count" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.openjdk.jmh.Main ParseBenchmark -jvmArgsAppend "-Ddoorman.bench.mbox=$mbox -Ddoorman.bench.count=$count" "${@:3}"

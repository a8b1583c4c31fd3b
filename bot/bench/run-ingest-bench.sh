#!/usr/bin/env bash
# Ingest throughput into H2 and into PostgreSQL (embedded, real server), under -Xmx256m.
# Usage: bot/bench/run-ingest-bench.sh [MBOX]   (default /tmp/big.mbox, from gen.py mbox 100000)
# Builds in the reactor (nothing installed into the local Maven repository).
set -euo pipefail
cd "$(dirname "$0")/../.."
mbox=${1:-/tmp/big.mbox}
[ -f "$mbox" ] || python3 ../shared/corpus/gen.py mbox 100000 "$mbox"
./mvnw -B -q -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx256m -cp "bot/target/test-classes:bot/target/classes:$(cat bot/target/bench.classpath)" \
  io.doorman.store.bench.IngestBench "$mbox"

#!/usr/bin/env bash
# Ingest throughput into H2 and into PostgreSQL (embedded, real server), under -Xmx256m: for each,
# a first run in a new JVM (as `doorman ingest` is run) and a second in the same JVM, JIT done.
# Usage: bot/bench/run-ingest-bench.sh [MBOX]   (default /tmp/big.mbox, from gen.py mbox 100000)
# Builds in the reactor (nothing installed into the local Maven repository).
set -euo pipefail
cd "$(dirname "$0")/../.."
mbox=${1:-/tmp/big.mbox}
[ -f "$mbox" ] || python3 ../shared/corpus/gen.py mbox 100000 "$mbox"
./mvnw -B -q -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
for db in h2 postgres; do # each in a JVM of its own: neither starts with the other's JIT work done
  java -Xmx256m -cp "bot/target/test-classes:bot/target/classes:$(cat bot/target/bench.classpath)" \
    io.doorman.store.bench.IngestBench "$db" "$mbox"
done

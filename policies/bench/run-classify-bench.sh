#!/usr/bin/env bash
# Runs the JMH benchmarks of classification with the default policy, one thread, without and
# with a learned model (BENCH=TrainBenchmark for training on 100,000 decisions).
# Usage (from anywhere): policies/bench/run-classify-bench.sh [extra JMH options, e.g. -wi 1 -i 3]
# Prints ops/s: each operation classifies one invitation.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -o -pl policies test-compile
./mvnw -B -q -o -pl policies dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cd policies
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main "${BENCH:-ClassifyBenchmark|LearnedClassifyBenchmark}" "$@"

#!/usr/bin/env bash
# Parse throughput (messages/s, one thread): Doorman vs an earlier build of Doorman vs naive Jakarta
# Mail vs mime4j DOM, same bytes, same JMH run.
# Usage: mail-ingest/bench/run-parse-bench.sh [MBOX] [COUNT] [BASELINE-COMMIT] [JMH args...]
#   MBOX defaults to /tmp/big.mbox, made with: python3 ../shared/corpus/gen.py mbox 100000 /tmp/big.mbox
#   BASELINE-COMMIT (say, main before a change) is built in a temporary worktree and measured as
#   baselineReader; without it that benchmark does nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
mbox=${1:-/tmp/big.mbox}
count=${2:-20000}
baseline_commit=${3:-}
[ -f "$mbox" ] || python3 ../shared/corpus/gen.py mbox 100000 "$mbox"
baseline=""
if [ -n "$baseline_commit" ]; then
  wt=$(mktemp -d)/baseline
  git worktree add -q --detach "$wt" "$baseline_commit"
  trap 'git worktree remove --force "$wt"' EXIT
  (cd "$wt" && ./mvnw -B -q -pl mail-ingest -am package -Dmaven.test.skip=true)
  baseline="$wt/mail-ingest/target/doorman-mail-ingest-0.1.0-SNAPSHOT.jar:$wt/policies/target/doorman-policies-0.1.0-SNAPSHOT.jar"
fi
# One reactor run, so the policies module resolves to its classes (nothing is installed).
./mvnw -B -q -pl mail-ingest -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cd mail-ingest
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -cp "$cp" org.openjdk.jmh.Main ParseBenchmark \
  -jvmArgsAppend "-Ddoorman.bench.mbox=$mbox -Ddoorman.bench.count=$count -Ddoorman.bench.baseline=$baseline" "${@:4}"

#!/usr/bin/env bash
# The crash test at full size: `doorman ingest` of a 100,000-message mbox killed with SIGKILL three
# times at random moments, then run to completion; the store must hold every distinct invitation
# once, each with its audit row. Usage: bot/bench/run-crash-test.sh [MBOX] [MESSAGES]
set -euo pipefail
cd "$(dirname "$0")/../.."
mbox=${1:-/tmp/big.mbox}
messages=${2:-100000}
[ -f "$mbox" ] || python3 ../shared/corpus/gen.py mbox "$messages" "$mbox"
./mvnw -B -pl bot -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CrashTest \
  -Ddoorman.crash.messages="$messages" -Ddoorman.crash.mbox="$mbox" | grep -E "Tests run|FAIL|BUILD"

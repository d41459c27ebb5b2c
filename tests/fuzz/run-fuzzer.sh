#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one libFuzzer harness for a while, as a test:
#
#   run-fuzzer.sh HARNESS SEED-CORPUS ARTIFACT-DIR
#
# The harness works on a temporary copy of its seed corpus, so that what it finds
# never lands in the source tree; the copy is removed afterwards. A crash, a leak or a
# hang is written into ARTIFACT-DIR (in the build folder) and the test fails; add the
# input to the seed corpus as a regression case once the bug is fixed.
#
# RJ_FUZZ_SECONDS sets how long it runs (60 by default). Each input may take at most
# 10 seconds and the process 2 GiB.

set -eu

harness="$1"
seeds="$2"
artifacts="$3"
seconds="${RJ_FUZZ_SECONDS:-60}"
name="$(basename "$harness")"

case "$seconds" in
  ''|*[!0-9]*) echo "RJ_FUZZ_SECONDS must be a whole number of seconds" >&2; exit 2 ;;
esac

work="$(mktemp -d "${TMPDIR:-/tmp}/rj-$name-XXXXXX")"
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/corpus" "$artifacts"
cp "$seeds"/* "$work/corpus/"

# libFuzzer stops itself after max_total_time; the outer limit only catches a run
# that cannot stop (it should never be what ends a run).
status=0
timeout --signal=KILL "$((seconds + 300))" \
  "$harness" \
    -max_total_time="$seconds" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -detect_leaks=1 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/$name-" \
    "$work/corpus" >"$work/log" 2>&1 || status=$?

# The log is long; its end says what happened. The whole log goes to the test log
# when the run failed.
if [ "$status" -ne 0 ]; then
  cat "$work/log"
  echo "$name: failed (exit status $status); inputs that failed are in $artifacts"
  exit 1
fi
grep -E '^(INFO: Seed:|INFO: +[0-9]+ files found|#[0-9]+.*(INITED|DONE)|Done [0-9]+ runs|stat::)' \
  "$work/log" || true
echo "$name: $(ls "$work/corpus" | wc -l) inputs in the corpus at the end, 0 crashes, 0 leaks, 0 hangs"

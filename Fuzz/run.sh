#!/usr/bin/env bash
# Builds the libFuzzer harnesses of Fuzz/Package.swift and runs each for a bounded time (`make fuzz`).
#
#   Fuzz/run.sh                      # every harness, FUZZ_SECONDS (default 60) each
#   FUZZ_SECONDS=300 Fuzz/run.sh FuzzCSVReader
#
# Environment:
#   FUZZ_SECONDS   seconds per harness (libFuzzer -max_total_time), default 60
#   FUZZ_CONFIG    release (default) or debug
#   FUZZ_JOBS      libFuzzer worker processes per harness (-fork=N), default 1 (no fork)
#   FUZZ_KEEP=1    keep the temporary folder (new corpus entries, logs, artifacts) and print its path
#   FUZZ_EXTRA     extra libFuzzer flags, e.g. "-seed=1 -only_ascii=1"
#
# The seed corpus in Fuzz/Corpus/<harness>/ is only read: new corpus entries go to a temporary folder, never
# into git. Any crash-*, timeout-*, oom-* or leak-* artifact is copied to
# Tests/PathwayCoreTests/Fuzz/Regressions/ as <harness>-<kind>-<what>-<hash> (FuzzRegressionTests replays
# every file there) and makes this script exit 1. Build failures exit 2.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FUZZ_DIR/.." && pwd)"
REGRESSIONS="$ROOT/Tests/PathwayCoreTests/Fuzz/Regressions"
SECONDS_PER_HARNESS="${FUZZ_SECONDS:-60}"
CONFIG="${FUZZ_CONFIG:-release}"
JOBS="${FUZZ_JOBS:-1}"
SWIFT="${SWIFT:-swift}"
ALL_HARNESSES=(FuzzCSVReader FuzzFileDecoder FuzzDateParser)
if [ "$#" -gt 0 ]; then HARNESSES=("$@"); else HARNESSES=("${ALL_HARNESSES[@]}"); fi

for harness in "${HARNESSES[@]}"; do
  case " ${ALL_HARNESSES[*]} " in *" $harness "*) ;; *) echo "run.sh: unknown harness '$harness' (known: ${ALL_HARNESSES[*]})" >&2; exit 2 ;; esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pathway-fuzz.XXXXXX")"
cleanup() { if [ "${FUZZ_KEEP:-0}" = 1 ]; then echo "fuzz: kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# Build in Fuzz/.build only (never the main package's .build). One --product per harness: a plain
# `swift build` would also build (and try to link) every executable of the root package.
cd "$FUZZ_DIR"
for harness in "${HARNESSES[@]}"; do
  echo "fuzz: building $harness ($CONFIG, -sanitize=fuzzer,address)"
  if ! "$SWIFT" build -c "$CONFIG" --product "$harness" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$WORK/build-$harness.log" 2>&1; then
    cat "$WORK/build-$harness.log" >&2
    echo "fuzz: build of $harness failed" >&2
    exit 2
  fi
done
BIN="$("$SWIFT" build -c "$CONFIG" --show-bin-path)"

# The Swift runtime's own crash handler fights with AddressSanitizer's; let ASan and libFuzzer report.
export SWIFT_BACKTRACE="enable=no"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:symbolize=1:detect_leaks=1}"

# A file-name-safe summary of a failure message: lower case, dashes, at most ~60 characters, whole words.
slug() {
  tr -c 'A-Za-z0-9\n' '-' | tr 'A-Z' 'a-z' | sed -e 's/--*/-/g' -e 's/^-//' -e 's/-$//' \
    | awk '{ if (length($0) > 60) { s = substr($0, 1, 61); sub(/-[^-]*$/, "", s); print s } else print }'
}

failed=0
summaries=()
for harness in "${HARNESSES[@]}"; do
  new_corpus="$WORK/corpus-$harness"
  artifacts="$WORK/artifacts-$harness"
  log="$WORK/$harness.log"
  mkdir -p "$new_corpus" "$artifacts"
  dict=()
  [ -f "$FUZZ_DIR/Dictionaries/$harness.dict" ] && dict=(-dict="$FUZZ_DIR/Dictionaries/$harness.dict")
  fork=()
  [ "$JOBS" -gt 1 ] && fork=(-fork="$JOBS" -ignore_crashes=0)
  echo "fuzz: running $harness for ${SECONDS_PER_HARNESS}s"
  start=$(date +%s)
  set +e
  # shellcheck disable=SC2086
  "$BIN/$harness" \
    -max_total_time="$SECONDS_PER_HARNESS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "${fork[@]}" ${FUZZ_EXTRA:-} \
    "$new_corpus" "$FUZZ_DIR/Corpus/$harness" >"$log" 2>&1
  status=$?
  set -e
  elapsed=$(( $(date +%s) - start ))

  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  [ -n "$runs" ] || runs="$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)"
  [ -n "$runs" ] || runs="$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -1)"
  runs="${runs:-0}"

  found=()
  shopt -s nullglob
  for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    found+=("$artifact")
  done
  shopt -u nullglob

  if [ "${#found[@]}" -eq 0 ] && [ "$status" -eq 0 ]; then
    result="ok"
  else
    failed=1
    what="$(grep -m1 -o 'fuzz invariant violated: .*' "$log" | sed 's/^fuzz invariant violated: //' || true)"
    [ -n "$what" ] || what="$(grep -m1 -oE 'Fatal error: .*|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z -]+' "$log" || true)"
    [ -n "$what" ] || what="exit status $status"
    result="FAILED ($what)"
    mkdir -p "$REGRESSIONS"
    for artifact in "${found[@]}"; do
      base="$(basename "$artifact")"
      kind="${base%%-*}"
      hash="$(sha1sum "$artifact" | cut -c1-12)"
      name="$harness-$kind-$(printf '%s' "$what" | slug)-$hash"
      cp "$artifact" "$REGRESSIONS/$name"
      result="$result; saved Tests/PathwayCoreTests/Fuzz/Regressions/$name"
    done
    echo "---- $harness log (last 60 lines; full log in $log with FUZZ_KEEP=1) ----" >&2
    tail -60 "$log" >&2
    echo "----" >&2
  fi
  new_entries="$(find "$new_corpus" -type f | wc -l | tr -d ' ')"
  summaries+=("$(printf 'fuzz: %-16s runs=%-10s seconds=%-5s new_corpus=%-5s result=%s' \
    "$harness" "$runs" "$elapsed" "$new_entries" "$result")")
  echo "${summaries[-1]}"
done

echo "fuzz: summary"
printf '%s\n' "${summaries[@]}"
exit "$failed"

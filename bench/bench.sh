#!/usr/bin/env bash
# make bench: pathway end to end against `cat` and a DuckDB reference on generated data sets.
# See bench/README.md. Usage: bench/bench.sh [DATE]   (DATE names bench/results-DATE.md; default today)
#
# Environment (all optional):
#   PATHWAY             pathway executable; when unset: `make build`, .build/release/pathway
#   PATHWAY_BENCH_DATA  data set cache (default ~/.cache/pathway-bench); sets live in <cache>/<children>/
#   BENCH_SIZES         children per set (default "100000 1000000 9999999": the generator's ids have 7 digits)
#   BENCH_SHUFFLED      sizes also measured with every file's rows in random order (default 1000000; "" for none)
#   BENCH_RUNS          timed runs of each program per set (default 5; sets over 2,000,000 children: 3)
#   BENCH_PYTHON        Python with duckdb (default python3; a venv under the cache if duckdb is missing)
#   BENCH_DUCKDB_THREADS  DuckDB threads (default: all cores)
#   BENCH_RESULTS       Markdown results file (default bench/results-DATE.md)
#   BENCH_STRICT=1      exit 3 when a target of the issue is missed on the 1,000,000-children set
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$PWD
DATE=${1:-${BENCH_DATE:-$(date +%F)}}
DATA=${PATHWAY_BENCH_DATA:-$HOME/.cache/pathway-bench}
SIZES=${BENCH_SIZES:-"100000 1000000 9999999"}
SHUFFLED=${BENCH_SHUFFLED-1000000}
SHUFFLE_SEED=7
AS_OF=2026-03-31
SEED=42
HOLIDAYS=$REPO/Sources/PathwayApp/Resources/bank-holidays-england-and-wales.csv
RESULTS=${BENCH_RESULTS:-$REPO/bench/results-$DATE.md}
FILES=(contacts.csv s47_enquiries.csv conferences.csv audits.csv)
# Disk needed per child before the first set exists (refined from the sets on disk).
GUESS_BYTES_PER_CHILD=1500
# Free space kept after generating a set, for pathway's outputs, DuckDB spills and the system.
DISK_RESERVE=$((4 * 1024 * 1024 * 1024))

say() { printf '%s\n' "bench: $*" >&2; }
die() { say "$*"; exit 1; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

mkdir -p "$DATA"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pathway-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- tools ------------------------------------------------------------------------------------
if [ -z "${PATHWAY:-}" ]; then
    say "building pathway (release)"
    make -C "$REPO" build >&2
    PATHWAY=$REPO/.build/release/pathway
fi
case $PATHWAY in /*) ;; *) PATHWAY=$REPO/$PATHWAY ;; esac
[ -x "$PATHWAY" ] || die "no pathway executable at $PATHWAY"
"$PATHWAY" sample --help >/dev/null 2>&1 || die "$PATHWAY has no 'sample' command; cannot generate the data sets"

if [ ! -x /usr/bin/time ]; then
    say "installing GNU time (/usr/bin/time)"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
fi

PY=${BENCH_PYTHON:-python3}
if ! "$PY" -c 'import duckdb' 2>/dev/null; then
    if [ ! -x "$DATA/venv/bin/python" ] || ! "$DATA/venv/bin/python" -c 'import duckdb' 2>/dev/null; then
        say "installing duckdb from PyPI into $DATA/venv"
        python3 -m venv "$DATA/venv" >&2 || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
        "$DATA/venv/bin/pip" install -q duckdb >&2 || die "pip install duckdb failed"
    fi
    PY=$DATA/venv/bin/python
fi
DUCKDB_VERSION=$("$PY" -c 'import duckdb; print(duckdb.__version__)')
DUCK_ARGS=()
[ -n "${BENCH_DUCKDB_THREADS:-}" ] && DUCK_ARGS=(--threads "$BENCH_DUCKDB_THREADS")

now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
# GNU time -v fields: user s, system s, peak RSS KiB.
time_fields() {
    awk -F': ' '/User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 }
                /Maximum resident set size/ { m = $2 } END { printf "%s\t%s\t%s", u, s, m }' "$1"
}
set_bytes() { local b=0 f; for f in "${FILES[@]}"; do b=$((b + $(stat -c %s "$1/$f"))); done; echo "$b"; }

# --- data sets --------------------------------------------------------------------------------
bytes_per_child() {
    local best="" d n
    for d in "$DATA"/[0-9]*; do
        [ -f "$d/.complete" ] || continue
        n=$(basename "$d")
        best=$(( $(set_bytes "$d") / n + 1 ))
    done
    echo "${best:-$GUESS_BYTES_PER_CHILD}"
}

ensure_set() {  # children → 0 when the set is ready, 1 when skipped (reason on stdout)
    local n=$1 dir=$DATA/$1 want
    want="children=$n seed=$SEED as_of=$AS_OF"
    if [ -f "$dir/.complete" ] && [ "$(cat "$dir/.complete")" = "$want" ]; then return 0; fi
    rm -rf "$dir" "$dir.partial"
    local per need avail
    per=$(bytes_per_child)
    need=$((n * per + n * per / 10 + DISK_RESERVE))
    avail=$(df -B1 --output=avail "$DATA" | tail -1 | tr -d ' ')
    if [ "$avail" -lt "$need" ]; then
        echo "skipped: needs about $((need / 1000000000)) GB free in $DATA, $((avail / 1000000000)) GB available"
        return 1
    fi
    say "generating $n children into $dir (about $((n * per / 1000000)) MB)"
    local t0; t0=$(now_ns)
    if ! "$PATHWAY" sample --output "$dir.partial" --children "$n" --seed "$SEED" --as-of "$AS_OF" \
            2> "$WORK/sample.log"; then
        cat "$WORK/sample.log" >&2
        rm -rf "$dir.partial"
        echo "FAILED: pathway sample: $(tail -1 "$WORK/sample.log")"
        return 1
    fi
    cat "$WORK/sample.log" >&2
    echo "$want" > "$dir.partial/.complete"
    mv "$dir.partial" "$dir"
    say "generated $n children in $(seconds_since "$t0") s"
}

ensure_shuffled() {  # children → 0 when <cache>/shuffled-N, set N with its rows shuffled, is ready
    local n=$1 source=$DATA/$1 dir=$DATA/shuffled-$1 want need avail
    # The source's stamp and its files' sizes and times: a set generated again gives a new copy.
    want="rows of ($(cat "$source/.complete"); $(cd "$source" && stat -c '%n %s %Y' "${FILES[@]}" | tr '\n' ' '))"
    want="$want shuffled, seed=$SHUFFLE_SEED"
    if [ -f "$dir/.complete" ] && [ "$(cat "$dir/.complete")" = "$want" ]; then return 0; fi
    rm -rf "$dir" "$dir.partial"
    need=$(($(set_bytes "$source") + DISK_RESERVE))
    avail=$(df -B1 --output=avail "$DATA" | tail -1 | tr -d ' ')
    if [ "$avail" -lt "$need" ]; then
        echo "skipped: needs about $((need / 1000000000)) GB free in $DATA, $((avail / 1000000000)) GB available"
        return 1
    fi
    say "shuffling the rows of $source into $dir"
    if ! python3 "$REPO/bench/shuffle_rows.py" "$source" "$dir.partial" --seed "$SHUFFLE_SEED" 2> "$WORK/shuffle.log"; then
        cat "$WORK/shuffle.log" >&2
        rm -rf "$dir.partial"
        echo "FAILED: shuffle_rows.py: $(tail -1 "$WORK/shuffle.log")"
        return 1
    fi
    echo "$want" > "$dir.partial/.complete"
    mv "$dir.partial" "$dir"
}

# A set's label is its folder under the cache: N (as generated) or shuffled-N (its rows shuffled).
RUNS_TSV=$WORK/runs.tsv      # label tool run wall user sys maxrss_kib
SETS_TSV=$WORK/sets.tsv      # label status bytes rows cat_seconds(comma list) compare
: > "$RUNS_TSV"; : > "$SETS_TSV"
failed=0
LABELS=()
for n in $SIZES; do LABELS+=("$n"); done
for n in $SHUFFLED; do LABELS+=("shuffled-$n"); done

for label in "${LABELS[@]}"; do
    n=${label#shuffled-}
    dir=$DATA/$label
    if ! reason=$(ensure_set "$n") || { [ "$label" != "$n" ] && ! reason=$(ensure_shuffled "$n"); }; then
        say "$label: $reason"
        printf '%s\t%s\t\t\t\t\n' "$label" "$reason" >> "$SETS_TSV"
        case $reason in FAILED*) failed=1 ;; esac
        continue
    fi
    for f in "${FILES[@]}"; do [ -f "$dir/$f" ] || die "$dir/$f missing (delete $dir to regenerate)"; done
    bytes=$(set_bytes "$dir")
    runs=${BENCH_RUNS:-$([ "$n" -gt 2000000 ] && echo 3 || echo 5)}
    files=("${FILES[@]/#/$dir/}")

    # Warm the page cache, then time cat (the floor: reading the bytes once).
    cat "${files[@]}" > /dev/null; cat "${files[@]}" > /dev/null
    cats=""
    for i in 1 2 3; do
        t0=$(now_ns); cat "${files[@]}" > /dev/null; cats="$cats${cats:+,}$(seconds_since "$t0")"
    done

    say "$label: $((bytes / 1000000)) MB; $runs runs each of pathway and DuckDB (cat: $cats s)"
    for i in $(seq 1 "$runs"); do
        # Alternate which program goes first so that neither always runs on a cooler machine.
        if [ $((i % 2)) = 1 ]; then order="pathway duckdb"; else order="duckdb pathway"; fi
        for tool in $order; do
            rm -rf "$WORK/out"
            t0=$(now_ns)
            if [ "$tool" = pathway ]; then
                /usr/bin/time -v -o "$WORK/time" "$PATHWAY" run --input "$dir" --output "$WORK/out" \
                    --as-of "$AS_OF" --holidays "$HOLIDAYS" --quiet > "$WORK/pathway.log" 2>&1 \
                    || { cat "$WORK/pathway.log" >&2; die "pathway run failed on $dir"; }
            else
                /usr/bin/time -v -o "$WORK/time" "$PY" "$REPO/bench/duckdb_kpis.py" --input "$dir" \
                    --as-of "$AS_OF" --holidays "$HOLIDAYS" "${DUCK_ARGS[@]}" > "$WORK/duckdb.json" 2> "$WORK/duckdb.log" \
                    || { cat "$WORK/duckdb.log" >&2; die "duckdb_kpis.py failed on $dir"; }
            fi
            wall=$(seconds_since "$t0")
            printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$tool" "$i" "$wall" "$(time_fields "$WORK/time")" >> "$RUNS_TSV"
            say "  run $i $tool: $wall s"
            [ "$tool" = pathway ] && cp "$WORK/out/latest/kpis.json" "$WORK/pathway-kpis.json"
        done
    done

    rows=$("$PY" -c 'import json, sys; print(sum(i["rows"] for i in json.load(open(sys.argv[1]))["inputs"]))' \
        "$WORK/pathway-kpis.json")
    if "$PY" "$REPO/bench/compare.py" "$WORK/pathway-kpis.json" "$WORK/duckdb.json" --quiet > "$WORK/compare.$label.txt"; then
        verdict=equal
    else
        verdict=MISMATCH; failed=1
    fi
    cat "$WORK/compare.$label.txt" >&2
    cp "$WORK/pathway-kpis.json" "$WORK/pathway-kpis.$label.json"; cp "$WORK/duckdb.json" "$WORK/duckdb.$label.json"
    printf '%s\tok\t%s\t%s\t%s\t%s\n' "$label" "$bytes" "$rows" "$cats" "$verdict" >> "$SETS_TSV"
done

# --- report -----------------------------------------------------------------------------------
# Keep the raw measurements (runs.tsv, sets.tsv, both programs' KPIs) for bench/report.py --work.
rm -rf "$DATA/last-run"; mkdir -p "$DATA/last-run"
cp "$WORK"/*.tsv "$WORK"/*-kpis.*.json "$WORK"/duckdb.*.json "$DATA/last-run/" 2>/dev/null || true
status=0
"$PY" "$REPO/bench/report.py" --work "$DATA/last-run" --markdown "$RESULTS" --date "$DATE" \
    --pathway "$PATHWAY" --duckdb-version "$DUCKDB_VERSION" --data "$DATA" --as-of "$AS_OF" --seed "$SEED" \
    || status=$?
[ "$status" = 0 ] || [ "$status" = 3 ] || die "report.py failed"
say "results written to ${RESULTS#"$REPO"/}"
[ "$failed" = 0 ] || { say "a set failed to generate, or pathway and DuckDB disagree (see above)"; exit 1; }
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$status" = 3 ]; then exit 3; fi
exit 0

#!/usr/bin/env bash
# bench/run.sh — the project's benchmark (issue #3, item 5 "Scale").
#
# Generates the data once (bench/gen, cached), builds taizhang and the helpers
# once, then times every case N times, round-robin so that all cases see the
# same machine load, and prints medians, spreads, ratios, peak RSS and the
# goals. Exit status: 0 every goal holds, 1 a goal fails, 2 the run broke.
# It takes minutes: it is not part of CI.
#
# Environment:
#   N=3                 rounds (each case N times; the provincial cases 5×N times)
#   TAIZHANG_BENCH_DATA data folder (default ${TMPDIR:-/tmp}/taizhang-bench)
#   PYTHON=/usr/bin/python3  the interpreter with openpyxl (apt: python3-openpyxl)
#   SKIP_OPENPYXL=1     leave out the openpyxl case (its goal is then not judged)
#   GEN_ARGS="-units 50 -rows 2000"  a smaller data set, to try the script quickly
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
N=${N:-3}
SMALL=$((N * 5))
DATA=${TAIZHANG_BENCH_DATA:-${TMPDIR:-/tmp}/taizhang-bench}
PY=${PYTHON:-/usr/bin/python3}
BIN=$DATA/bin
OUT=$DATA/out
LOG=$DATA/log
TIME=/usr/bin/time

die() { echo "run.sh: $*" >&2; exit 2; }

[ -x "$TIME" ] || die "$TIME is missing (apt-get install -y time)"
if [ -z "${SKIP_OPENPYXL:-}" ]; then
	"$PY" -c 'import openpyxl' 2>/dev/null || die "$PY cannot import openpyxl (apt-get install -y python3-openpyxl), or set SKIP_OPENPYXL=1"
fi
mkdir -p "$BIN" "$OUT" "$LOG" || die "cannot create $DATA"
rm -f "$LOG"/*

echo "building…"
go build -o "$BIN/gen" ./bench/gen || die "go build ./bench/gen failed"
go build -o "$BIN/floor" ./bench/floor || die "go build ./bench/floor failed"
go build -o "$BIN/readone" ./bench/readone || die "go build ./bench/readone failed"
go build -o "$BIN/taizhang" ./cmd/taizhang || die "go build ./cmd/taizhang failed"
# shellcheck disable=SC2086
"$BIN/gen" -o "$DATA" ${GEN_ARGS:-} || die "generating the data failed"

PROG=$DATA/national-programme.xlsx
BIG=$(find "$DATA/big" -name "*.xlsx" | head -1)

# Cases: name, how many times per round, command.
declare -A CMD REPS
add() { CMD[$1]=$3; REPS[$1]=$2; ORDER+=("$1"); }
ORDER=()
q() { printf '%q ' "$@"; }
add national-merge 1 "$(q "$BIN/taizhang" merge "$DATA/national" --programme "$PROG" -o "$OUT/national.xlsx")"
add national-floor 1 "$(q "$BIN/floor" "$DATA/national")"
[ -z "${SKIP_OPENPYXL:-}" ] && add openpyxl 1 "$(q "$PY" bench/openpyxl_read.py "$DATA/national")"
add big-merge 1 "$(q "$BIN/taizhang" merge "$DATA/big" --programme "$PROG" -o "$OUT/big.xlsx")"
add big-read-only 1 "$(q "$BIN/readone" -programme "$PROG" "$BIG")"
add provincial-merge 5 "$(q "$BIN/taizhang" merge "$DATA/provincial" -o "$OUT/provincial.xlsx")"
add provincial-floor 5 "$(q "$BIN/floor" "$DATA/provincial")"

# run NAME I: times one run; appends "name wall_seconds rss_kb" to results.
run1() {
	local name=$1 i=$2 t0 t1 rc
	t0=$EPOCHREALTIME
	eval "$(q "$TIME" -v -o "$LOG/$name.$i.time") ${CMD[$name]}" >"$LOG/$name.$i.out" 2>&1
	rc=$?
	t1=$EPOCHREALTIME
	if [ $rc -ne 0 ]; then
		echo "run.sh: $name failed (exit $rc):" >&2
		tail -5 "$LOG/$name.$i.out" >&2
		exit 2
	fi
	local rss cpu
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$LOG/$name.$i.time")
	cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$LOG/$name.$i.time")
	echo "$name $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') $rss $cpu" >>"$LOG/results"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $N rounds"
for ((r = 1; r <= N; r++)); do
	for name in "${ORDER[@]}"; do
		for ((k = 1; k <= ${REPS[$name]}; k++)); do
			run1 "$name" "$r.$k"
		done
		printf '.'
	done
	echo " round $r done"
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

# median COLUMN NAME: the median of a column of the results over the runs of NAME.
median() {
	awk -v n="$2" -v c="$1" '$1 == n {print $c}' "$LOG/results" | sort -n |
		awk '{t[NR] = $1} END {print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2}'
}

# stat NAME: "median min max peak_rss_kb median_cpu" over the runs of NAME.
stat() {
	echo "$(median 2 "$1") $(awk -v n="$1" '$1 == n {print $2, $3}' "$LOG/results" | sort -n |
		awk '{t[NR] = $1; if ($2 > m) m = $2} END {print t[1], t[NR], m}') $(median 4 "$1")"
}

declare -A MED RSS CPU
echo
printf '%-18s %5s %9s %19s %7s %12s %13s\n' case runs "median s" "min–max s" spread "median CPU s" "peak RSS MB"
for name in "${ORDER[@]}"; do
	read -r med lo hi rss cpu < <(stat "$name")
	MED[$name]=$med RSS[$name]=$rss CPU[$name]=$cpu
	runs=$(awk -v n="$name" '$1 == n' "$LOG/results" | wc -l)
	awk -v n="$name" -v r="$runs" -v m="$med" -v a="$lo" -v b="$hi" -v k="$rss" -v c="$cpu" 'BEGIN {
		printf "%-18s %5d %9.3f %9.3f–%-9.3f %6.0f%% %12.2f %13.1f\n", n, r, m, a, b, (m > 0 ? 100 * (b - a) / m : 0), c, k * 1024 / 1e6 }'
done

# What the merges said (from their first run).
echo
for name in national-merge big-merge provincial-merge; do
	echo "$name: $(grep -h -e '读取文件' -e '问题：' "$LOG/$name.1.1.out" | tr '\n' ' ')"
done
grep -h '^floor' "$LOG/national-floor.1.1.out" | sed 's/^/national-/'
[ -n "${CMD[openpyxl]:-}" ] && grep -h '^openpyxl' "$LOG/openpyxl.1.1.out"
grep -h '^files' "$LOG/big-read-only.1.1.out" | sed 's/^/big-read-only: /'

# Goals (issue #3): ratios of medians, peak RSS in MB of 10^6 bytes.
echo
FAILED=0
goal() { # description value op limit unit
	local ok
	ok=$(awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN {print (op == "<=" ? v <= l : op == "<" ? v < l : v >= l) ? "holds" : "FAILS"}')
	[ "$ok" = FAILS ] && FAILED=1
	printf '%-52s %8.2f%s %-2s %6s%s  %s\n' "$1" "$2" "$5" "$3" "$4" "$5" "$ok"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.4f", (b > 0 ? a / b : 0)}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k * 1024 / 1e6}'; }
goal "national merge / its floor (wall time)" "$(ratio "${MED[national-merge]}" "${MED[national-floor]}")" "<=" 2.0 "×"
if [ -n "${CMD[openpyxl]:-}" ]; then
	goal "openpyxl script / national merge (wall time)" "$(ratio "${MED[openpyxl]}" "${MED[national-merge]}")" ">=" 2.5 "×"
fi
goal "national merge peak RSS" "$(mb "${RSS[national-merge]}")" "<" 150 " MB"
# "The 200,000-row sheet read": the reader as merge runs it (in place,
# texts stowed), without the merge and the ledger, which are shown below.
goal "200,000-row sheet read, peak RSS" "$(mb "${RSS[big-read-only]}")" "<" 100 " MB"
goal "provincial merge / its floor (wall time)" "$(ratio "${MED[provincial-merge]}" "${MED[provincial-floor]}")" "<=" 3.0 "×"
printf '%-52s %8.2f MB    (information: read, merged and written as a ledger)\n' "200,000-row sheet merged alone, peak RSS" "$(mb "${RSS[big-merge]}")"
# CPU time (user + system) is steadier than wall time on a busy machine.
printf '%-52s %8.2f×       (information)\n' "national merge / its floor (CPU time)" "$(ratio "${CPU[national-merge]}" "${CPU[national-floor]}")"
[ -n "${CMD[openpyxl]:-}" ] && printf '%-52s %8.2f×       (information)\n' "openpyxl script / national merge (CPU time)" "$(ratio "${CPU[openpyxl]}" "${CPU[national-merge]}")"
# (Not the provincial runs': /usr/bin/time counts CPU in 10 ms steps, as
# long as the provincial floor takes.)
echo
echo "logs: $LOG"
exit $FAILED

#!/usr/bin/env bash
# Times the whole `tandem align --format json` command against the tools a
# reader would otherwise reach for (wdiff, dwdiff, delta, difftastic: those
# installed), on the same generated pair, in the same run, and prints each
# one's median wall time, its CPU time (user + system: what the work costs
# when other jobs share the cores), peak memory and tandem's wall time
# relative to the tool's.
#
#   benches/peers.sh [SIZE_KB] [RUNS]     # default: 1000 KB per side, 5 runs
#
# Needs a release build (cargo build --release) and GNU time (/usr/bin/time).
# None of the peers aligns a paraphrase; they are what tandem must not be
# slower than.
set -euo pipefail
cd "$(dirname "$0")/.."
kb=${1:-1000}
runs=${2:-5}
bin=${TANDEM_BIN:-target/release/tandem}
dir=target/bench-pairs
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
if [ ! -f "$dir/$kb-left.txt" ]; then
  cargo bench --quiet --bench align -- --write "$dir" "$kb" >/dev/null
fi
left=$dir/$kb-left.txt
right=$dir/$kb-right.txt

# name, then the command (its output is discarded; a diff tool exits 1 when
# the files differ, which is not a failure here).
tools=("tandem|$bin align $left $right --format json")
command -v wdiff >/dev/null && tools+=("wdiff|wdiff $left $right")
command -v dwdiff >/dev/null && tools+=("dwdiff|dwdiff $left $right")
command -v delta >/dev/null && tools+=("delta|delta --paging=never $left $right")
command -v difft >/dev/null && tools+=("difftastic|difft --color=never $left $right")

measure() { # command -> "wall cpu kilobytes" of the median run by wall time
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" sh -c "$1 >/dev/null 2>&1 || true" 2>&1 | tail -1 | awk '{ print $1, $2 + $3, $4 }'
  done | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

echo "$(nproc) cores; $kb KB per side; median of $runs runs"
printf '%-12s %9s %9s %9s %14s\n' tool wall "CPU s" "peak MB" "tandem / tool"
base=
for entry in "${tools[@]}"; do
  name=${entry%%|*}
  read -r secs cpu kb_peak < <(measure "${entry#*|}")
  [ -z "$base" ] && base=$secs
  printf '%-12s %9.2f %9.2f %9.0f %14.2f\n' "$name" "$secs" "$cpu" "$((kb_peak / 1024))" "$(awk -v a="$base" -v b="$secs" 'BEGIN { print (b > 0) ? a / b : 0 }')"
done

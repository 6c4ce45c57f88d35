#!/usr/bin/env bash
# The equality guard for optimisations that must not change results: prints
# the links (sentence ranges and the moved flag) that a tandem binary finds on
# the bundled sample pair and on every dev fable pair, one line per pair, and
# compares them with a recorded baseline.
#
#   benches/links_guard.sh BINARY --record   # write benches/data/links-baseline.txt
#   benches/links_guard.sh BINARY            # diff against it; non-zero exit on any change
#
# Kinds, scores and discrepancies are left out on purpose: they belong to the
# comparison, which changes on its own schedule; this guards the alignment.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: benches/links_guard.sh BINARY [--record]}
baseline=benches/data/links-baseline.txt
fables=../shared/data/gnat-aesop-dev

links() { # id left right
  "$bin" align "$2" "$3" --format json | python3 -c '
import json, sys
links = json.load(sys.stdin)["links"]
cells = ["%d-%d:%d-%d%s" % (l["left"][0], l["left"][-1], l["right"][0], l["right"][-1], "m" if l.get("moved") else "") for l in links]
print(sys.argv[1], " ".join(cells))' "$1"
}

run() {
  links sample assets/samples/kremlin-talks-original.txt assets/samples/kremlin-talks-rewrite.txt
  if [ -d "$fables" ]; then
    for left in "$fables"/*.left.txt; do
      id=$(basename "$left" .left.txt)
      links "$id" "$left" "$fables/$id.right.txt"
    done
  fi
}

if [ "${2:-}" = --record ]; then
  run > "$baseline"
  echo "recorded $(wc -l < "$baseline") pairs in $baseline"
else
  if diff <(run) "$baseline"; then
    echo "links identical on $(wc -l < "$baseline") pairs"
  else
    echo "links differ from $baseline (lines above: < now, > baseline)" >&2
    exit 1
  fi
fi

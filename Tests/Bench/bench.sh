#!/usr/bin/env bash
# `make bench`: builds two synthetic issues with the release binary several times each and prints
# the median wall time, pages per second, peak memory and where the time goes (per step).
# A benchmark, not a test: nothing here fails on time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-7}
work=$(mktemp -d /tmp/bantin-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
for dir in layouts fonts; do ln -s "$PWD/$dir" "$work/$dir"; done
python3 Tests/Bench/make-issue.py "$work" bench-24 24 1460
python3 Tests/Bench/make-issue.py "$work" stress-400 400 450
bantin=$PWD/.build/release/bantin
printf '%s\n' "machine: $(nproc) cores, $(uname -m); $runs runs each, release build"
for id in bench-24 stress-400; do
  words=$(cat "$work/issues/$id/articles/"*.md | wc -w)
  times=()
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$bantin" build "$work/issues/$id" --root "$work" --out "$work/out" --timings > "$work/log"
    times+=("$(cat "$work/time")")
  done
  pages=$(sed -n 's/^built [^:]*: \([0-9]*\) pages.*/\1/p' "$work/log")
  printf '%s\n' "${times[@]}" | sort -n | awk -v id="$id" -v pages="$pages" -v words="$words" '
    { t[NR] = $1; m = ($2 > m ? $2 : m) }
    END { med = t[int((NR + 1) / 2)];
          printf "%-11s %4d pages, %6d words: median %.3f s (min %.3f, max %.3f), %.0f pages/s, peak %.0f MB\n",
                 id, pages, words, med, t[1], t[NR], pages / med, m / 1024 }'
  sed -n 's/^  /             /p' "$work/log"
done

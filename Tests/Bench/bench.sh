#!/usr/bin/env bash
# `make bench`: Bantin beside Typst on the same synthetic Vietnamese issues (Tests/Bench/):
# 24 articles of ~1,460 words and 400 of ~1,500 (the sizes of issue 11's table). For each, the
# median wall time and peak memory of Bantin's full build (print + screen + web + preflight) and
# of Typst compiling the same text to one PDF (make-typst.py writes the twin: same page, margins,
# columns, fonts and sizes), the ratio, and Bantin's time per step (`--timings`).
# A benchmark, not a test: nothing here fails on time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
work=$(mktemp -d /tmp/bantin-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Each corpus is a site of its own (its own root): a build lists every issue of its site, so
# two corpora under one root would each carry the other's archive and search entries.
for id in bench-24 stress-400 sample; do
  mkdir -p "$work/$id"
  for dir in layouts fonts; do ln -s "$PWD/$dir" "$work/$id/$dir"; done
done
python3 Tests/Bench/make-issue.py "$work/bench-24" bench-24 24 1460
python3 Tests/Bench/make-issue.py "$work/stress-400" stress-400 400 1500
bantin=$PWD/.build/release/bantin
fonts=$PWD/fonts
typst=$(python3 -c 'import typst; print(typst.__version__)')

# Runs a command $runs times; prints "median-seconds peak-MB".
measure() {
  local times=()
  : > "$work/logs"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/log" 2>&1
    times+=("$(cat "$work/time")")
    cat "$work/log" >> "$work/logs"
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1; m = ($2 > m ? $2 : m) } END { printf "%.3f %.0f\n", t[int((NR + 1) / 2)], m / 1024 }'
}

printf '%s\n' "machine: $(nproc) cores, $(uname -m); median of $runs runs each; Bantin release build, Typst $typst (typst-py, interpreter start included)"
printf '%-11s %7s %6s | %-22s | %-22s | %s\n' corpus words pages "Bantin (all outputs)" "Typst (one PDF)" "Typst / Bantin"
for id in ${CORPORA:-bench-24 stress-400}; do
  site=$work/$id
  words=$(cat "$site/issues/$id/articles/"*.md | wc -w)
  python3 Tests/Bench/make-typst.py "$site/issues/$id" "$site/issues/$id/twin.typ"
  # A full build each time: the article cache of the run before is removed first.
  read -r bt bm < <(measure sh -c "rm -rf '$site/out/$id/.cache' && exec '$bantin' build '$site/issues/$id' --root '$site' --out '$site/out' --timings")
  cp "$work/logs" "$work/$id.timings"
  pages=$(sed -n 's/^built [^:]*: \([0-9]*\) pages.*/\1/p' "$work/$id.timings" | tail -1)
  read -r tt tm < <(measure python3 -c "import typst; typst.compile('$site/issues/$id/twin.typ', output='$work/twin.pdf', font_paths=['$fonts'], ignore_system_fonts=True)")
  tpages=$(pdfinfo "$work/twin.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  printf '%-11s %7d %6s | %6.3f s %6d MB      | %6.3f s %6d MB %3dp | %.2f\n' "$id" "$words" "$pages" "$bt" "$bm" "$tt" "$tm" "$tpages" \
    "$(awk -v a="$tt" -v b="$bt" 'BEGIN { print a / b }')"
done
# Bantin's steps side by side (each step's median over the runs), with how much each grew
# against the words: a growth factor near 1 is linear; well above 1, the step grows faster.
corpora=(${CORPORA:-bench-24 stress-400})
for id in "${corpora[@]}"; do
  grep '^  ' "$work/$id.timings" | grep -v padded | sed 's/ ms$//' \
    | awk '{ v = $NF; pad = match($0, /[^ ]/) > 3 ? "  " : ""; $NF = ""; sub(/ +$/, ""); print pad $0 "\t" v }' \
    | awk -F'\t' '!($1 in seen) { seen[$1] = 1; order[++n] = $1 } { v[$1] = v[$1] " " $2 }
        END { for (i = 1; i <= n; i++) { k = split(v[order[i]], a, " ")
          for (x = 2; x <= k; x++) for (y = x; y > 1 && a[y - 1] + 0 > a[y] + 0; y--) { t = a[y]; a[y] = a[y - 1]; a[y - 1] = t }
          print order[i] "\t" a[int((k + 1) / 2)] } }' \
    > "$work/$id.steps"
  cat "$work/$id/issues/$id/articles/"*.md | wc -w > "$work/$id.words"
done
if [ "${#corpora[@]}" -eq 2 ]; then
  a=${corpora[0]} b=${corpora[1]}
  echo "Bantin's steps (ms, median of the runs); growth = (step time ratio) / (word ratio):"
  printf '  %-24s %10s %10s %8s\n' step "$a" "$b" growth
  awk -F'\t' -v wa="$(cat "$work/$a.words")" -v wb="$(cat "$work/$b.words")" '
    NR == FNR { t[$1] = $2; next }
    { g = (t[$1] > 0) ? ($2 / t[$1]) / (wb / wa) : 0; printf "  %-24s %10.1f %10.1f %8.2f\n", $1, t[$1], $2, g }' \
    "$work/$a.steps" "$work/$b.steps"
else
  for id in "${corpora[@]}"; do echo "Bantin's steps, $id (ms, median of the runs):"; cat "$work/$id.steps"; done
fi
# An editor's rebuild: the sample issue built once, then one article edited before each build.
site=$work/sample
mkdir -p "$site/issues" && cp issues/publication.yaml "$site/issues/" && cp -r issues/2025-q1 "$site/issues/sample"
"$bantin" build "$site/issues/sample" --root "$site" --out "$site/out" > /dev/null
article="$site/issues/sample/articles/09-tin-ngan.md"
read -r it im < <(measure sh -c "echo 'Một câu thêm vào bản tin ngắn.' >> '$article' && '$bantin' build '$site/issues/sample' --root '$site' --out '$site/out'")
printf 'rebuild of the sample after editing one article: median %.3f s, peak %d MB\n' "$it" "$im"

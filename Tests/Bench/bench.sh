#!/usr/bin/env bash
# `make bench`: Bantin beside Typst on the same synthetic Vietnamese issues (Tests/Bench/):
# 24 articles of ~1,460 words and 400 of ~1,500 (the sizes of issue 11's table). For each, the
# median wall time and peak memory of Bantin's full build (print + screen + web + preflight) and
# of Typst compiling the same text to one PDF (make-typst.py writes the twin: same page, margins,
# columns, fonts and sizes), the ratio, and Bantin's time per step (`--timings`).
# A benchmark, not a test: nothing here fails on time.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-7}
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

# Runs a command once; appends "seconds peak-KB" to the file $1 and its output to $1.log.
once() {
  local file=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/log" 2>&1
  cat "$work/time" >> "$file"
  cat "$work/log" >> "$file.log"
}

# "median-seconds peak-MB" of the runs in a file of once's lines.
summary() {
  sort -n "$1" | awk '{ t[NR] = $1; m = ($2 > m ? $2 : m) } END { printf "%.3f %.0f\n", t[int((NR + 1) / 2)], m / 1024 }'
}

# Runs a command $runs times; prints "median-seconds peak-MB".
measure() {
  : > "$work/runs"; : > "$work/runs.log"
  for _ in $(seq "$runs"); do once "$work/runs" "$@"; done
  cp "$work/runs.log" "$work/logs"
  summary "$work/runs"
}

# Two commands run in turn, A B A B …, $runs times each, so that a machine whose speed drifts
# (this one is shared) slows both alike; prints the medians of each as measure does, then the
# median of the ratios B/A taken pair by pair.
measurePair() {
  local a=$1 b=$2
  : > "$work/a"; : > "$work/a.log"; : > "$work/b"; : > "$work/b.log"
  for _ in $(seq "$runs"); do once "$work/a" sh -c "$a"; once "$work/b" sh -c "$b"; done
  cp "$work/a.log" "$work/logs"
  echo "$(summary "$work/a") $(summary "$work/b") $(paste "$work/a" "$work/b" | awk '{ print $3 / $1 }' | sort -n \
    | awk '{ r[NR] = $1 } END { print r[int((NR + 1) / 2)] }')"
}

printf '%s\n' "machine: $(nproc) cores, $(uname -m); median of $runs runs each, the two tools in turn; Bantin release build, Typst $typst (typst-py, interpreter start included)"
printf '%-11s %7s %6s | %-22s | %-22s | %s\n' corpus words pages "Bantin (all outputs)" "Typst (one PDF)" "Typst / Bantin (median of the pairs)"
for id in ${CORPORA:-bench-24 stress-400}; do
  site=$work/$id
  words=$(cat "$site/issues/$id/articles/"*.md | wc -w)
  python3 Tests/Bench/make-typst.py "$site/issues/$id" "$site/issues/$id/twin.typ"
  # One build first, unmeasured: its images converted and web variants made, as after an issue's
  # first build (that first build is timed on its own below).
  "$bantin" build "$site/issues/$id" --root "$site" --out "$site/out" > /dev/null 2>&1 || true
  # A full build each time: the article cache of the run before is removed first, so every
  # article is typeset anew; the images converted to CMYK (.cache/cmyk) and the web's image
  # variants are kept, as on an editor's machine after the issue's first build.
  read -r bt bm tt tm ratio < <(measurePair \
    "rm -f '$site/out/$id/.cache/articles.pack' && exec '$bantin' build '$site/issues/$id' --root '$site' --out '$site/out' --timings" \
    "exec python3 -c \"import typst; typst.compile('$site/issues/$id/twin.typ', output='$work/twin.pdf', font_paths=['$fonts'], ignore_system_fonts=True)\"")
  cp "$work/logs" "$work/$id.timings"
  pages=$(sed -n 's/^built [^:]*: \([0-9]*\) pages.*/\1/p' "$work/$id.timings" | tail -1)
  tpages=$(pdfinfo "$work/twin.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  printf '%-11s %7d %6s | %6.3f s %6d MB      | %6.3f s %6d MB %3dp | %.2f\n' "$id" "$words" "$pages" "$bt" "$bm" "$tt" "$tm" "$tpages" "$ratio"
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
# The very first build of bench-24: no output at all, so its five images are converted to CMYK
# (the cover alone is 9 megapixels) and the web's image variants made.
site=$work/bench-24
read -r ft fm < <(measure sh -c "rm -rf '$site/out' && '$bantin' build '$site/issues/bench-24' --root '$site' --out '$site/out'")
printf 'first build of bench-24, nothing cached (images converted to CMYK): median %.3f s, peak %d MB\n' "$ft" "$fm"
# An editor's rebuild: the sample issue built once, then one article edited before each build.
site=$work/sample
mkdir -p "$site/issues" && cp issues/publication.yaml "$site/issues/" && cp -r issues/2025-q1 "$site/issues/sample"
"$bantin" build "$site/issues/sample" --root "$site" --out "$site/out" > /dev/null
article="$site/issues/sample/articles/09-tin-ngan.md"
read -r it im < <(measure sh -c "echo 'Một câu thêm vào bản tin ngắn.' >> '$article' && '$bantin' build '$site/issues/sample' --root '$site' --out '$site/out'")
printf 'rebuild of the sample after editing one article: median %.3f s, peak %d MB\n' "$it" "$im"
# The desk (`bantin serve`): from saving an article, and a layout value, to the new page images.
desk=$work/desk
mkdir -p "$desk/issues" "$desk/layouts" && cp issues/publication.yaml "$desk/issues/" && cp -r issues/2025-q1 "$desk/issues/sample"
cp -r layouts/. "$desk/layouts/" && ln -s "$PWD/fonts" "$desk/fonts"
python3 Tests/Bench/desk-latency.py "$bantin" "$desk" sample "$runs"

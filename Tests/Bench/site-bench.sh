#!/usr/bin/env bash
# `make bench`, second part: `bantin serve --site` (release build) under wrk on loopback, 2
# threads on this 2-core machine (wrk and the server share the cores): requests per second for
# an article page (gzip, as browsers ask) and for the counting API (POST /api/views, a new
# visitor each request, so every acknowledged report is a view), with SQLite and, when it can be
# started (Tests/Site/postgres.sh, as root or with sudo), PostgreSQL.
# The exact count: wrk stops at its deadline with up to one request per connection in flight,
# which the server may commit after wrk stopped reading (counted, never acknowledged); so after
# wrk's run the store must hold at least the views wrk saw acknowledged (2xx) and at most one
# more per connection. Then a client that waits for every answer (curl --parallel, 32 at once,
# EXACT reports from new visitors) must find exactly as many new views in the store, read after
# a restart, as it had 2xx answers. The exit status is 1 when either check fails. A benchmark,
# not a test: nothing here fails on speed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${SECONDS_EACH:-10}
connections=${CONNECTIONS:-32}
exact=${EXACT:-2000}
work=$(mktemp -d /tmp/bantin-site-bench.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
bantin=${BANTIN:-$PWD/.build/release/bantin}
"$bantin" build --out "$work/out" > /dev/null
page=$(cd "$work/out/web" && ls -d 2025-q1/*/ | head -1)

# Starts the server with the given store arguments; sets $server and $port.
start() {
  : > "$work/serve.log"
  "$bantin" serve --site --port 0 --out "$work/out" "$@" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 300); do
    port=$(sed -n 's/^serving the site http:\/\/127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$work/serve.log")
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/serve.log" >&2
  exit 1
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }

# The article's views as the server reads them from its store (asked as a bot: not counted).
views() {
  curl -s -A 'Googlebot/2.1' -H 'Content-Type: application/json' --data-binary "{\"page\":\"$page\"}" \
    "http://127.0.0.1:$port/api/views" | sed -n 's/.*"views":\([0-9]*\).*/\1/p'
}

status=0
echo "site: wrk -t2 -c$connections -d${seconds}s on 127.0.0.1, $(nproc) cores; article page /$page"
printf '%-11s | %-20s | %-16s | %-34s | %s\n' store "article page (req/s)" "view API (req/s)" "after wrk: stored - acknowledged" "concurrent client: stored = acknowledged"
# $exact reports from new visitors, 32 at once, each answer waited for; prints the 2xx count.
acknowledged() {
  printf '{"page":"%s"}' "$page" > "$work/report.json"
  for n in $(seq "$exact"); do
    [ "$n" -gt 1 ] && echo next
    printf 'url = "http://127.0.0.1:%s/api/views"\nuser-agent = "Mozilla/5.0 (X11; Linux x86_64) Exact/%s"\n' "$port" "$n"
    printf 'header = "Content-Type: application/json"\ndata-binary = "@%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' "$work/report.json"
  done > "$work/exact.curl"
  curl -s --parallel --parallel-max 32 -K "$work/exact.curl" 2> /dev/null | grep -c '^2' || true
}

run_store() {
  local name=$1; shift
  start "$@"
  wrk -t2 -c"$connections" -d"${seconds}s" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/$page" > "$work/page.txt"
  PAGE=$page wrk -t2 -c"$connections" -d"${seconds}s" -s Tests/Bench/views.lua "http://127.0.0.1:$port/" > "$work/api.txt"
  local acks refused before after exact_acks
  acks=$(awk '/^acks / { print $2 }' "$work/api.txt")
  refused=$(awk '/^refused / { print $2 }' "$work/api.txt")
  # What the store holds, read after a restart (so from disk, not from anything in memory).
  stop
  start "$@"
  before=$(views)
  exact_acks=$(acknowledged)
  stop
  start "$@"
  after=$(views)
  stop
  local inflight=$((before - acks)) verdict
  local wrkcheck="$before - $acks = $inflight"
  if [ "$inflight" -lt 0 ] || [ "$inflight" -gt "$connections" ]; then wrkcheck="NO: $wrkcheck"; status=1; fi
  [ "$refused" = 0 ] || wrkcheck="$wrkcheck; $refused answers not 2xx"
  verdict="yes: $((after - before)) = $exact_acks of $exact"
  if [ "$((after - before))" != "$exact_acks" ]; then verdict="NO: $((after - before)) stored, $exact_acks acknowledged"; status=1; fi
  printf '%-11s | %20s | %16s | %-34s | %s\n' "$name" "$(rps "$work/page.txt")" "$(rps "$work/api.txt")" "$wrkcheck" "$verdict"
  grep -hE 'Socket errors|Non-2xx' "$work/page.txt" "$work/api.txt" || true
}

run_store SQLite --data "$work/data"
if url=$(Tests/Site/postgres.sh bantin_bench 2>/dev/null); then
  PGOPTIONS='--client-min-messages=warning' psql "$url" -q -c 'DROP TABLE IF EXISTS page_views, site_visits' > /dev/null
  run_store PostgreSQL --database "$url"
else
  echo "PostgreSQL: not available here (Tests/Site/postgres.sh could not start it); skipped"
fi
exit $status

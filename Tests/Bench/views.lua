-- wrk script for the counting API of `bantin serve --site` (Tests/Bench/site-bench.sh): every
-- request a report of the page in PAGE from a visitor of its own (the User-Agent carries the
-- thread and a counter), so each acknowledged report is one view; counts the 2xx answers, and
-- done() prints their total as "acks N" for the exact-count check.
local threads = {}
local page = os.getenv("PAGE") or ""

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  acks = 0
  others = 0
  body = '{"page":"' .. page .. '"}'
end

function request()
  n = n + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Bench/" .. id .. "." .. n,
  }
  return wrk.format("POST", "/api/views", headers, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then acks = acks + 1 else others = others + 1 end
end

function done(summary, latency, requests)
  local total, failed = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("acks")
    failed = failed + thread:get("others")
  end
  io.write(string.format("acks %d\nrefused %d\n", total, failed))
end

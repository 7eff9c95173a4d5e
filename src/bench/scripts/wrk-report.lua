-- wrk script of http-benchmark.sh: the request (BENCH_METHOD, BENCH_BODY as JSON) and one machine-readable
-- line at the end: RESULT <p50 ms> <p95 ms> <p99 ms> <requests/s> <requests> <HTTP errors> <socket errors>
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
wrk.method = method
if body ~= "" then
    wrk.body = body
    wrk.headers["Content-Type"] = "application/json"
end
wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "text/html,application/json"

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT %.2f %.2f %.2f %.1f %d %d %d\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.requests / (summary.duration / 1e6), summary.requests, e.status,
        e.connect + e.read + e.write + e.timeout))
end

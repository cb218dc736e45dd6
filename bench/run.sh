#!/usr/bin/env bash
# Load benchmark: SessionSite's signed-in /profile against its anonymous home page and against a baseline
# app that holds the same user in ASP.NET Core's built-in session middleware. Prints numbers, asserts none.
#
#   bash bench/run.sh                       # defaults below
#   DURATION=20 CONNECTIONS="16 64" SOAK_SECONDS=60 bash bench/run.sh
#
# Everything runs on loopback: a private redis-server, the Release builds of both apps, and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-"16 64 256"}
SOAK_SECONDS=${SOAK_SECONDS:-60}
SITE_PORT=${SITE_PORT:-5101}
BASE_PORT=${BASE_PORT:-5102}
source bench/lib.sh

need_tools redis-server wrk
mkdir -p "$OUT"
publish_site
dotnet publish bench/Baseline -c Release -o "$OUT/baseline" --nologo -v quiet >/dev/null
# The baseline serves the same Bootstrap files, so both pages cost the browser the same.
mkdir -p "$OUT/baseline/wwwroot" && cp -r SessionSite/wwwroot/lib "$OUT/baseline/wwwroot/"

start_redis "${REDIS_PORT:-6391}"
start_app "$OUT/site" SessionSite.dll "$SITE_PORT" Throttling__SignUpLimit=100000 Throttling__IpFailureLimit=100000
site_pid=${pids[-1]}
start_app "$OUT/baseline" Baseline.dll "$BASE_PORT"

# A signed-in user on SessionSite, through the real sign-up form (antiforgery field included).
jar=$(mktemp)
email="bench-$RANDOM@example.com"
password="bench password $RANDOM$RANDOM"
token=$(form_token "$jar" "http://127.0.0.1:$SITE_PORT/signup")
curl -s -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$SITE_PORT/signup" \
    --data-urlencode "Email=$email" --data-urlencode "DisplayName=Bench User" \
    --data-urlencode "Password=$password" --data-urlencode "ConfirmPassword=$password" \
    --data-urlencode "__RequestVerificationToken=$token"
# A real browser also sends back the antiforgery cookie, so the sign-out form's token is not minted afresh.
site_cookie="sessionsite=$(awk '$6 == "sessionsite" { print $7 }' "$jar")"
antiforgery_cookie="sessionsite-antiforgery=$(awk '$6 == "sessionsite-antiforgery" { print $7 }' "$jar")"

# The same user in the baseline's session.
base_jar=$(mktemp)
curl -s -o /dev/null -c "$base_jar" "http://127.0.0.1:$BASE_PORT/login?email=$email&name=Bench%20User"
base_cookie=".AspNetCore.Session=$(awk '$6 == ".AspNetCore.Session" { print $7 }' "$base_jar")"

user_id=${site_cookie#sessionsite=}; user_id=${user_id%%.*}
session_key=$(rcli --scan --pattern "{user:$user_id}:s:*" | head -n 1)
base_key=$(rcli --scan --pattern "*" | grep -v -e '^{user:' -e '^email:' -e '^dataprotection' -e '^throttle' | head -n 1)
session_bytes=$(rcli memory usage "$session_key")
index_bytes=$(rcli memory usage "{user:$user_id}:sessions")
base_bytes=$(rcli memory usage "$base_key")

commands() { rcli info commandstats | awk -F'[:=,]' '/^cmdstat_/ && $1 !~ /cmdstat_(info|ping|client|cluster|config)/ { n += $3 } END { print n + 0 }'; }

# measure URL COOKIE CONNECTIONS -> "rps p50 p99 requests commands_per_request non2xx cpu_us_per_request"
measure() {
    local url=$1 cookie=$2 connections=$3 before after output cpu_before cpu
    before=$(commands)
    cpu_before=$(cpu_busy_us)
    output=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency ${cookie:+-H "Cookie: $cookie"} "$url")
    cpu=$(($(cpu_busy_us) - cpu_before))
    after=$(commands)
    local rps p50 p99 requests non2xx
    rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$output")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$output")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$output")
    requests=$(awk '/requests in/ { print $1 }' <<<"$output")
    non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$output")
    echo "$rps $p50 $p99 $requests $(awk -v c=$((after - before)) -v r="$requests" 'BEGIN { printf "%.3f", c / r }') ${non2xx:-0} $((cpu / requests))"
}

# Warm-up: JIT and its tiering, connection pools (see warm in bench/lib.sh).
warm -t2 -c64 -H "Cookie: $site_cookie; $antiforgery_cookie" "http://127.0.0.1:$SITE_PORT/profile"
warm -t2 -c64 "http://127.0.0.1:$SITE_PORT/"
warm -t2 -c64 -H "Cookie: $base_cookie" "http://127.0.0.1:$BASE_PORT/profile"

report="$OUT/results.md"
mkdir -p bench/results
csv=bench/results/run.csv
echo "date,page,connections,rps,p50,p99" >"$csv"
stamp=$(date -u '+%Y-%m-%d')
{
    echo "## SessionSite benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); wrk, both apps and Redis $(redis-server --version | awk '{ print $3 }' | cut -d= -f2) share it. ${DURATION}s per row."
    echo
    echo "| page | connections | requests/s | p50 | p99 | Redis commands / request | non-2xx | machine CPU µs / request |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$report"

for c in $CONNECTIONS; do
    read -r a_rps a_p50 a_p99 _ a_cmd a_err a_cpu <<<"$(measure "http://127.0.0.1:$SITE_PORT/" "" "$c")"
    read -r s_rps s_p50 s_p99 _ s_cmd s_err s_cpu <<<"$(measure "http://127.0.0.1:$SITE_PORT/profile" "$site_cookie; $antiforgery_cookie" "$c")"
    read -r b_rps b_p50 b_p99 _ b_cmd b_err b_cpu <<<"$(measure "http://127.0.0.1:$BASE_PORT/profile" "$base_cookie" "$c")"
    {
        echo "$stamp,anonymous,$c,$a_rps,$a_p50,$a_p99"
        echo "$stamp,ours,$c,$s_rps,$s_p50,$s_p99"
        echo "$stamp,baseline,$c,$b_rps,$b_p50,$b_p99"
    } >>"$csv"
    {
        echo "| SessionSite \`/\` anonymous | $c | $a_rps | $a_p50 | $a_p99 | $a_cmd | $a_err | $a_cpu |"
        echo "| SessionSite \`/profile\` signed in | $c | $s_rps | $s_p50 | $s_p99 | $s_cmd | $s_err | $s_cpu |"
        echo "| baseline \`/profile\` (AddSession + Redis cache) | $c | $b_rps | $b_p50 | $b_p99 | $b_cmd | $b_err | $b_cpu |"
        awk -v s="$s_rps" -v a="$a_rps" -v b="$b_rps" -v c="$c" \
            'BEGIN { printf "| **ratios at %s connections** | | signed-in / anonymous **%.2f** | ours / baseline **%.2fx** | | | | |\n", c, s / a, s / b }'
    } >>"$report"
done

# Sign-in cost at the production iteration count (hashing dominates; measured end to end, 5 runs, median).
signin_ms=()
for _ in 1 2 3 4 5; do
    j=$(mktemp)
    t=$(form_token "$j" "http://127.0.0.1:$SITE_PORT/signin")
    signin_ms+=("$(curl -s -o /dev/null -w '%{time_total}' -c "$j" -b "$j" "http://127.0.0.1:$SITE_PORT/signin" \
        --data-urlencode "Email=$email" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$t" \
        | awk '{ printf "%.0f", $1 * 1000 }')")
    rm -f "$j"
done
signin_median=$(printf '%s\n' "${signin_ms[@]}" | sort -n | sed -n 3p)

# Site memory under a sustained signed-in load: RSS after warm-up, then every 10 s.
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$site_pid/status"; }
rss_start=$(rss)
rss_samples=()
wrk -t2 -c32 -d"${SOAK_SECONDS}s" -H "Cookie: $site_cookie; $antiforgery_cookie" "http://127.0.0.1:$SITE_PORT/profile" >"$OUT/soak-wrk.txt" &
wrk_pid=$!
for _ in $(seq 10 10 "$SOAK_SECONDS"); do sleep 10; rss_samples+=("$(rss)"); done
wait "$wrk_pid"

{
    echo
    echo "| Redis memory | bytes |"
    echo "| --- | ---: |"
    echo "| one SessionSite session entry (\`MEMORY USAGE\`) | $session_bytes |"
    echo "| the user's session index (one member) | $index_bytes |"
    echo "| one baseline session entry | $base_bytes |"
    echo
    echo "Sign-in (POST /signin, PBKDF2-HMAC-SHA512 at 210,000 iterations, end to end): median ${signin_median} ms of ${signin_ms[*]} ms."
    echo
    echo "Site memory (RSS, MiB) under ${SOAK_SECONDS}s of signed-in load at 32 connections: start ${rss_start}, every 10 s: ${rss_samples[*]}."
} >>"$report"

cat "$report"

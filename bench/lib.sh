# Shared by bench/run.sh and bench/soak.sh: a private redis-server and the Release site on loopback.
# Source it after `cd` to the repository root; it defines OUT, start_redis, start_app, form_token, rcli.

OUT=bench/out
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

need_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
    done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_redis PORT
start_redis() {
    port_free "$1" || { echo "port $1 is already in use" >&2; exit 1; }
    # The same encoding setting as docker-compose.yml, so memory figures match the shipped configuration.
    redis-server --port "$1" --bind 127.0.0.1 --save '' --appendonly no --hash-max-listpack-value 1024 \
        --daemonize no >"$OUT/redis.log" 2>&1 &
    pids+=($!)
    REDIS_PORT=$1
    until rcli ping >/dev/null 2>&1; do sleep 0.1; done
}

rcli() { redis-cli -p "$REDIS_PORT" "$@"; }

# start_app DIR DLL PORT [ENV=VALUE ...]: runs a published app; its pid is the last entry of pids.
start_app() {
    local dir=$1 dll=$2 port=$3
    shift 3
    port_free "$port" || { echo "port $port is already in use" >&2; exit 1; }
    (cd "$dir" && exec env ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="http://127.0.0.1:$port" \
        Logging__LogLevel__Default=Warning "$@" dotnet "$dll" --urls "http://127.0.0.1:$port" >"../${dll%.dll}.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 150); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.2; done
    echo "$dll on port $port did not start; see $OUT/${dll%.dll}.log" >&2
    exit 1
}

publish_site() { dotnet publish SessionSite -c Release -o "$OUT/site" --nologo -v quiet >/dev/null; }

# warm WRK-ARGS...: WARMUP seconds (default 30) of load before a page is measured. A few seconds are not enough
# for the MVC pages: `perf` showed the runtime's tiered compilation still re-compiling hot methods 13 s into a
# load, taking an eighth of the site's CPU, and idle after 40 s; a short warm-up measured the page with the most
# code while it was being compiled.
warm() { wrk -d"${WARMUP:-30}s" "$@" >/dev/null; }

# form_token JAR URL: loads a page with a form and prints its antiforgery field.
form_token() {
    curl -s -c "$1" -b "$1" "$2" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1
}

# Busy CPU time of the whole machine so far, in microseconds (every process: wrk, Redis and the apps).
cpu_busy_us() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.0f", ($2 + $3 + $4 + $7 + $8 + $9) * 1000000 / hz }' /proc/stat; }

# wrk_rate CONNECTIONS SECONDS URL [wrk args...] -> "requests/s  machine-CPU-µs-per-request"
wrk_rate() {
    local connections=$1 seconds=$2 url=$3 before output requests
    shift 3
    before=$(cpu_busy_us)
    output=$(wrk -t2 -c"$connections" -d"${seconds}s" "$@" "$url")
    requests=$(awk '/requests in/ { print $1 }' <<<"$output")
    awk -v rps="$(awk '/^Requests\/sec/ { print $2 }' <<<"$output")" -v cpu=$(($(cpu_busy_us) - before)) -v n="$requests" \
        'BEGIN { printf "%.0f %.0f\n", rps, cpu / n }'
}

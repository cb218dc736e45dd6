#!/usr/bin/env bash
# What one awaited Redis read costs an ASP.NET Core request on this machine, with no page around it:
# bench/RoundTrip serves /plain ("ok") and /redis (one GET, then "ok"). Prints numbers, asserts none.
#
#   bash bench/roundtrip.sh            # DURATION=8 CONNECTIONS="16 64 256" ROUNDS=2 by default
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-"16 64 256"}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-5103}
source bench/lib.sh

need_tools redis-server wrk
mkdir -p "$OUT"
dotnet publish bench/RoundTrip -c Release -o "$OUT/roundtrip" --nologo -v quiet >/dev/null
start_redis "${REDIS_PORT:-6392}"
start_app "$OUT/roundtrip" RoundTrip.dll "$PORT"
warm -t2 -c64 "http://127.0.0.1:$PORT/plain"
warm -t2 -c64 "http://127.0.0.1:$PORT/redis"

mkdir -p bench/results
echo "round,connections,plain_rps,redis_rps" >bench/results/roundtrip.csv
echo "| round | connections | /plain req/s | /redis req/s | /redis ÷ /plain | machine CPU µs/request plain | redis | one Redis read costs |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for round in $(seq "$ROUNDS"); do
    for c in $CONNECTIONS; do
        read -r p_rps p_cpu <<<"$(wrk_rate "$c" "$DURATION" "http://127.0.0.1:$PORT/plain")"
        read -r r_rps r_cpu <<<"$(wrk_rate "$c" "$DURATION" "http://127.0.0.1:$PORT/redis")"
        echo "$round,$c,$p_rps,$r_rps" >>bench/results/roundtrip.csv
        awk -v round="$round" -v c="$c" -v p="$p_rps" -v r="$r_rps" -v pc="$p_cpu" -v rc="$r_cpu" \
            'BEGIN { printf "| %s | %s | %d | %d | %.2f | %d | %d | %d µs |\n", round, c, p, r, r / p, pc, rc, rc - pc }'
    done
done

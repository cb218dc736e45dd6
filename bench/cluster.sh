#!/usr/bin/env bash
# Signed-in /profile against one Redis and against a three-master Redis Cluster (built here with
# redis-server --cluster-enabled and redis-cli --cluster create), same run, same settings. Every command of a
# signed-in request stays in the user's hash slot, so the cluster should need no redirects: the script reads the
# masters' error counters (INFO errorstats) for MOVED and ASK during the measured load. Numbers, not a test.
#
#   bash bench/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-"16 64"}
source bench/lib.sh

need_tools redis-server wrk curl
mkdir -p "$OUT"
publish_site

# One node, as in compose.
start_redis "${REDIS_PORT:-6401}"
start_app "$OUT/site" SessionSite.dll 5110

# Three masters, no replicas.
cluster_ports=(7411 7412 7413)
cluster_dir=$(mktemp -d)
for port in "${cluster_ports[@]}"; do
    port_free "$port" || { echo "port $port is already in use" >&2; exit 1; }
    mkdir -p "$cluster_dir/$port"
    (cd "$cluster_dir/$port" && exec redis-server --port "$port" --cluster-port $((port + 10000)) --bind 127.0.0.1 --cluster-enabled yes \
        --cluster-config-file nodes.conf --save '' --appendonly no --hash-max-listpack-value 1024 --daemonize no >redis.log 2>&1) &
    pids+=($!)
done
for port in "${cluster_ports[@]}"; do until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done; done
redis-cli --cluster create "${cluster_ports[@]/#/127.0.0.1:}" --cluster-replicas 0 --cluster-yes >/dev/null
until redis-cli -p "${cluster_ports[0]}" cluster info | grep -q 'cluster_state:ok'; do sleep 0.2; done
REDIS_PORT=${cluster_ports[0]}
(cd "$OUT/site" && exec env ConnectionStrings__Redis="127.0.0.1:7411,127.0.0.1:7412,127.0.0.1:7413" ASPNETCORE_ENVIRONMENT=Production \
    Site__PublicBaseUrl="http://127.0.0.1:5111" Logging__LogLevel__Default=Warning dotnet SessionSite.dll --urls "http://127.0.0.1:5111" >../SessionSite-cluster.log 2>&1) &
pids+=($!)
for _ in $(seq 150); do curl -s -o /dev/null "http://127.0.0.1:5111/readyz" && break; sleep 0.2; done

signed_in() { # signed_in PORT: the cookie header of a fresh account on that site
    local jar email token
    jar=$(mktemp)
    email="cluster-$RANDOM$RANDOM@example.com"
    token=$(form_token "$jar" "http://127.0.0.1:$1/signup")
    curl -s -o /dev/null -c "$jar" -b "$jar" "http://127.0.0.1:$1/signup" --data-urlencode "Email=$email" --data-urlencode "DisplayName=Cluster" \
        --data-urlencode "Password=a cluster passphrase" --data-urlencode "ConfirmPassword=a cluster passphrase" --data-urlencode "__RequestVerificationToken=$token"
    echo "sessionsite=$(awk '$6 == "sessionsite" { print $7 }' "$jar"); sessionsite-antiforgery=$(awk '$6 == "sessionsite-antiforgery" { print $7 }' "$jar")"
}
redirects() { # MOVED + ASK errors counted by every master so far
    for port in "${cluster_ports[@]}"; do redis-cli -p "$port" info errorstats; done \
        | awk -F'[:=,]' '/^errorstat_(MOVED|ASK)/ { n += $3 } END { print n + 0 }'
}
measure() { # measure PORT COOKIE CONNECTIONS: rps p99 non2xx
    local output
    output=$(wrk -t2 -c"$3" -d"${DURATION}s" --latency -H "Cookie: $2" "http://127.0.0.1:$1/profile")
    echo "$(awk '/^Requests\/sec/ { print $2 }' <<<"$output") $(awk '$1 == "99%" { print $2 }' <<<"$output") $(awk '/Non-2xx/ { print $NF }' <<<"$output")"
}

single_cookie=$(signed_in 5110)
cluster_cookie=$(signed_in 5111)
warm -t2 -c16 -H "Cookie: $single_cookie" http://127.0.0.1:5110/profile
warm -t2 -c16 -H "Cookie: $cluster_cookie" http://127.0.0.1:5111/profile

echo "## Redis Cluster, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "Signed-in /profile, ${DURATION}s per row; the single node and the three masters all run on this machine's $(nproc) cores with both sites and wrk."
echo
echo "| connections | single node req/s, p99 | three-master cluster req/s, p99 | cluster / single | MOVED + ASK during the load |"
echo "| ---: | --- | --- | ---: | ---: |"
for c in $CONNECTIONS; do
    read -r s_rps s_p99 _ <<<"$(measure 5110 "$single_cookie" "$c")"
    before=$(redirects)
    read -r c_rps c_p99 _ <<<"$(measure 5111 "$cluster_cookie" "$c")"
    moved=$(($(redirects) - before))
    awk -v c="$c" -v s="$s_rps" -v sp="$s_p99" -v k="$c_rps" -v kp="$c_p99" -v m="$moved" \
        'BEGIN { printf "| %s | %s, %s | %s, %s | %.2f | %d |\n", c, s, sp, k, kp, k / s, m }'
done

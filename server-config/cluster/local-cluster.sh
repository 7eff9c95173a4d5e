#!/usr/bin/env bash
# A cluster on one machine, for a developer and for the failover test (ClusterFailoverIT): a PostgreSQL
# database, the load balancer (WildFly's standalone-load-balancer with mod_cluster) on 8080 and two
# nodes (standalone-ha) on port offsets, configured with the same server-config scripts as production.
# Build the WAR first: ./mvnw -B package -DskipTests
#
#   local-cluster.sh start            configure everything afresh with the newest WAR and start it all
#   local-cluster.sh stop             stop the nodes (drained by the balancer first), then the balancer
#   local-cluster.sh status           what runs, and the members the database knows
#   local-cluster.sh start-node N     start node N again (1, 2, ...), as configured by start
#   local-cluster.sh stop-node N      stop node N gracefully (suspend: the balancer drains it)
#   local-cluster.sh kill-node N      kill -9 node N (a machine that dies)
#
# Settings, from the environment (defaults in brackets):
#   CLUSTER_DIR              where the servers live [target/cluster]
#   CLUSTER_DB               the database on the local PostgreSQL, also its owner and password [smu_cluster]
#   CLUSTER_FRESH_DB         true: drop and create the database at start [false: keep its data]
#   CLUSTER_BALANCER_OFFSET  the balancer's port offset: HTTP 8080+, node registrations 8090+ [0]
#   CLUSTER_NODE_OFFSETS     one port offset per node: HTTP 8080+, management 9990+ ["300 400"]
#   CLUSTER_EXTRA_SCRIPTS    more server-config scripts for the nodes, comma-separated [none]
#   CLUSTER_DEMO_DATA        true: the demo users and data (dev/configure-demo-data*.cli) [true]
#   CLUSTER_DRAIN_SECONDS    how long a graceful stop lets running requests finish [20]
#   CLUSTER_WAR, CLUSTER_LIBS  the WAR and the build's server libraries [target/ROOT.war, target/server-libs]
# Any other variable of configuration.md (MAIL_PORT, REVIEW_PERIOD, ...) is passed on to the nodes.
set -euo pipefail
config_dir="$(cd "$(dirname "$0")/.." && pwd)"
project="$(dirname "$config_dir")"
dir="${CLUSTER_DIR:-$project/target/cluster}"
db="${CLUSTER_DB:-smu_cluster}"
lb_offset="${CLUSTER_BALANCER_OFFSET:-0}"
read -r -a offsets <<<"${CLUSTER_NODE_OFFSETS:-300 400}"
war="${CLUSTER_WAR:-$project/target/ROOT.war}"
libs="${CLUSTER_LIBS:-$project/target/server-libs}"
home="$dir/wildfly"
lb_port=$((8080 + lb_offset))
mcmp_port=$((8090 + lb_offset))

usage() { sed -n '7,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
log() { echo "local-cluster: $*"; }

node_base() { echo "$dir/node$1"; }
node_offset() {
    local i=$1
    [ "$i" -ge 1 ] && [ "$i" -le "${#offsets[@]}" ] || { echo "local-cluster: no node $i (CLUSTER_NODE_OFFSETS)" >&2; exit 2; }
    echo "${offsets[$((i - 1))]}"
}
alive() { [ -f "$1/server.pid" ] && kill -0 "$(cat "$1/server.pid")" 2>/dev/null; }

# the database: peer authentication as the postgres system user, like the test database
prepare_database() {
    if [ "${CLUSTER_FRESH_DB:-false}" = true ] || ! psql_exists; then
        IT_PG_DATABASE="$db" IT_PG_USER="$db" IT_PG_PASSWORD="$db" bash "$project/src/test/postgresql/prepare-test-database.sh"
    fi
}
psql_exists() {
    PGPASSWORD="$db" psql -h localhost -U "$db" -d "$db" -tAc 'SELECT 1' >/dev/null 2>&1
}

configure() {
    [ -f "$war" ] || { echo "local-cluster: no $war: ./mvnw -B package -DskipTests first" >&2; exit 1; }
    # the production list (production.scripts), then the cluster's own script
    local scripts="configure-cluster.cli"
    if [ "${CLUSTER_DEMO_DATA:-true}" = true ]; then
        scripts+=",dev/configure-demo-data.cli,dev/configure-demo-data-any-database.cli"
    fi
    [ -z "${CLUSTER_EXTRA_SCRIPTS:-}" ] || scripts+=",$CLUSTER_EXTRA_SCRIPTS"
    DB_URL="jdbc:postgresql://localhost:5432/$db" DB_USER="$db" DB_PASSWORD="$db" bash "$config_dir/install.sh" \
        --production --dist "$libs/wildfly-dist.zip" --libs "$libs" --config standalone-ha.xml "$home" "$scripts"
    bash "$config_dir/install.sh" --fresh --config standalone-load-balancer.xml "$home" configure-load-balancer.cli
    # one WildFly home, one server folder (jboss.server.base.dir) per process
    rm -rf "$dir/balancer"
    cp -r "$home/standalone" "$dir/balancer"
    local i
    for i in $(seq 1 "${#offsets[@]}"); do
        rm -rf "$(node_base "$i")"
        cp -r "$home/standalone" "$(node_base "$i")"
        cp "$war" "$(node_base "$i")/deployments/ROOT.war"
    done
}

launch() { # base config offset [VAR=value...]
    local base=$1 config=$2 offset=$3
    shift 3
    env "$@" JBOSS_PIDFILE="$base/server.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
        nohup "$home/bin/standalone.sh" -c "$config" -Djboss.server.base.dir="$base" \
        -Djboss.socket.binding.port-offset="$offset" "${launch_properties[@]}" >"$base/console.log" 2>&1 &
}
launch_properties=()

start_balancer() {
    local base="$dir/balancer"
    if alive "$base"; then return; fi
    rm -f "$base/server.pid"
    launch "$base" standalone-load-balancer.xml "$lb_offset"
    wait_for "balancer registrations on $mcmp_port" 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$mcmp_port" 2>/dev/null
}

start_node() {
    local i=$1 base offset
    base="$(node_base "$i")"
    offset="$(node_offset "$i")"
    [ -d "$base" ] || { echo "local-cluster: $base is not configured: local-cluster.sh start" >&2; exit 1; }
    if alive "$base"; then log "node$i runs already"; return; fi
    rm -f "$base/server.pid" "$base"/deployments/ROOT.war.{deployed,failed,isdeploying,undeployed}
    local started=$SECONDS
    launch_properties=(-Djboss.node.name="node$i")
    launch "$base" standalone-ha.xml "$offset" NODE_NAME="node$i" BALANCER_PORT="$mcmp_port" \
        DB_URL="jdbc:postgresql://localhost:5432/$db" DB_USER="$db" DB_PASSWORD="$db" \
        PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$lb_port}"
    launch_properties=()
    wait_for "node$i to deploy" 240 test -f "$base/deployments/ROOT.war.deployed" -o -f "$base/deployments/ROOT.war.failed"
    [ -f "$base/deployments/ROOT.war.deployed" ] || { echo "local-cluster: node$i failed to deploy, see $base/log/server.log" >&2; exit 1; }
    log "node$i serves on http://127.0.0.1:$((8080 + offset)) after $((SECONDS - started)) s"
}

stop_node() { # i, graceful|kill
    local i=$1 how=$2 base pid offset
    base="$(node_base "$i")"
    alive "$base" || { log "node$i is not running"; return; }
    pid="$(cat "$base/server.pid")"
    offset="$(node_offset "$i")"
    if [ "$how" = kill ]; then
        kill -9 "$pid"
        log "node$i killed (pid $pid)"
    else
        # suspend first: mod_cluster tells the balancer to send nothing new, running requests finish
        "$home/bin/jboss-cli.sh" --controller="127.0.0.1:$((9990 + offset))" -c \
            ":shutdown(suspend-timeout=${CLUSTER_DRAIN_SECONDS:-20})" >/dev/null || kill "$pid"
    fi
    wait_for "node$i to end" 60 bash -c "! kill -0 $pid 2>/dev/null"
}

wait_for() { # what seconds command...
    local what=$1 seconds=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        [ $SECONDS -lt $deadline ] || { echo "local-cluster: gave up waiting for $what after $seconds s" >&2; return 1; }
        sleep 0.5
    done
}

balancer_serves() {
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$lb_port/api/health")" = 200 ]
}

case "${1:-}" in
    start)
        prepare_database
        configure
        start_balancer
        # one after the other: the first migrates the schema and creates the timers, the second joins
        for i in $(seq 1 "${#offsets[@]}"); do start_node "$i"; done
        wait_for "the balancer to route" 60 balancer_serves
        log "the cluster serves on http://localhost:$lb_port/ (database $db)"
        ;;
    stop)
        for i in $(seq 1 "${#offsets[@]}"); do stop_node "$i" graceful; done
        if alive "$dir/balancer"; then
            kill "$(cat "$dir/balancer/server.pid")"
            wait_for "the balancer to end" 30 bash -c "! kill -0 $(cat "$dir/balancer/server.pid") 2>/dev/null"
        fi
        ;;
    status)
        alive "$dir/balancer" && log "balancer: http://localhost:$lb_port/" || log "balancer: stopped"
        for i in $(seq 1 "${#offsets[@]}"); do
            alive "$(node_base "$i")" && log "node$i: http://127.0.0.1:$((8080 + $(node_offset "$i")))/" || log "node$i: stopped"
        done
        PGPASSWORD="$db" psql -h localhost -U "$db" -d "$db" -c 'SELECT name, ip, coord FROM jgroups' 2>/dev/null || true
        ;;
    start-node) [ $# -eq 2 ] || usage; start_balancer; start_node "$2" ;;
    stop-node) [ $# -eq 2 ] || usage; stop_node "$2" graceful ;;
    kill-node) [ $# -eq 2 ] || usage; stop_node "$2" kill ;;
    *) usage ;;
esac

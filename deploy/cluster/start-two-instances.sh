#!/usr/bin/env bash
# Starts two Leading Together instances on this machine, clustered through Payara's data grid (Hazelcast),
# against one MariaDB database, and shows that they act as one portal.
#
#   deploy/cluster/start-two-instances.sh [--check] [--keep] [--fresh]
#
#   --check   run the cluster check (org.leadingtogether.bench.ClusterCheck): a session moving between the
#             instances, changes seen at once on the other instance, and a race for one coaching slot
#             through both instances; then look through both logs for session serialisation problems
#   --keep    leave both instances running when the script ends (it prints how to stop them)
#   --fresh   drop and recreate the database first (the check uses up two lessons of the demo learner a run)
#
# Without --check or --keep it waits until Ctrl-C and then stops both instances.
#
# Needs: the built portal (mvn -DskipTests package), a JDK 17, MariaDB on 127.0.0.1:3306. If the MariaDB
# root account can be used without a password (as on a development machine) the script creates the
# database and grants it; otherwise create it once by hand, as root:
#   CREATE DATABASE leadingtogether_cluster CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
#   GRANT ALL ON leadingtogether_cluster.* TO 'leadingtogether'@'127.0.0.1' IDENTIFIED BY 'leadingtogether';
#
# Settings (environment): CLUSTER_DB (leadingtogether_cluster), DB_USER and DB_PASSWORD (leadingtogether),
# PORT_A (8081), PORT_B (8082), JAVA_OPTS (-Xmx512m -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:CompilerThreadPriority=5), JOURNAL_KEY (default: one made for this database
# and kept in target/cluster/journal.key; never use it for real entries).
#
# Instance A starts first and finishes the database migrations and the content import before B starts.
# Both listen for the data grid on 127.0.0.1 only and find each other by TCP (no multicast). Logs:
# target/cluster/a.log and target/cluster/b.log.
set -euo pipefail

cd "$(dirname "$0")/../.."
root=$(pwd)

check=0
keep=0
fresh=0
for argument in "$@"; do
    case "$argument" in
        --check) check=1 ;;
        --keep) keep=1 ;;
        --fresh) fresh=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "Unknown option: $argument (try --help)" >&2; exit 2 ;;
    esac
done

database=${CLUSTER_DB:-leadingtogether_cluster}
db_user=${DB_USER:-leadingtogether}
db_password=${DB_PASSWORD:-leadingtogether}
port_a=${PORT_A:-8081}
port_b=${PORT_B:-8082}
java_opts=${JAVA_OPTS:--Xmx512m -XX:+UseParallelGC -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:CompilerThreadPriority=5}
jar=target/leading-together-microbundle.jar
logs=target/cluster

if [ ! -f "$jar" ]; then
    echo "No $jar: build it first with  mvn -DskipTests package" >&2
    exit 1
fi
for port in "$port_a" "$port_b"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Port $port is already in use: stop what runs there, or set PORT_A / PORT_B." >&2
        exit 1
    fi
done
mkdir -p "$logs"

# ---------------------------------------------------------------- the database
if mariadb -uroot -h127.0.0.1 --connect-timeout=3 -e 'SELECT 1' >/dev/null 2>&1; then
    if [ "$fresh" = 1 ]; then
        echo "Dropping database $database (--fresh)"
        mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS \`$database\`"
        rm -f "$logs/journal.key"
    fi
    mariadb -uroot -h127.0.0.1 <<SQL
CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$db_user'@'127.0.0.1' IDENTIFIED BY '$db_password';
CREATE USER IF NOT EXISTS '$db_user'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL ON \`$database\`.* TO '$db_user'@'127.0.0.1';
GRANT ALL ON \`$database\`.* TO '$db_user'@'localhost';
SQL
    echo "Database $database is ready (user $db_user)"
else
    echo "MariaDB root is not usable from here: assuming database $database exists and $db_user may use it"
    if [ "$fresh" = 1 ]; then
        echo "--fresh needs the MariaDB root account" >&2
        exit 1
    fi
fi

# The journal key must stay the same for a database: the demo journal entries are encrypted with it.
if [ -z "${JOURNAL_KEY:-}" ]; then
    if [ ! -s "$logs/journal.key" ]; then
        head -c 32 /dev/urandom | base64 > "$logs/journal.key"
    fi
    JOURNAL_KEY=$(cat "$logs/journal.key")
fi

export JOURNAL_KEY
export DB_CLASS=org.mariadb.jdbc.MariaDbDataSource
export DB_URL="jdbc:mariadb://127.0.0.1:3306/$database"
export DB_USER="$db_user" DB_PASSWORD="$db_password"
export DEMO_DATA=true
export CONTENT_DIR="${CONTENT_DIR:-$root/content}"
# Sessions kept in the data grid, so that either instance can serve anyone (a single server keeps them in memory).
export SESSION_PERSISTENCE=hazelcast

# ---------------------------------------------------------------- the instances
# One data grid, named for this set-up so that no other Payara on the machine joins it; members found over
# TCP at the two data grid ports (A takes 6900, B the next free one); backups of the session data are kept on
# the other instance although both share one address (--nohostaware; by default Payara keeps no backup on a
# member with the same IP address).
cluster_options=(--clustername leading-together-local --clustermode "tcpip:127.0.0.1:6900,127.0.0.1:6901"
                 --interfaces 127.0.0.1 --nohostaware)

pids=()
stop_instances() {
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
        fi
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$pid" 2>/dev/null || true
    done
}
on_exit() {
    if [ "$keep" = 1 ] && [ "${#pids[@]}" = 2 ]; then
        echo "Left running (--keep): instance A pid ${pids[0]}, instance B pid ${pids[1]}. Stop them with:  kill ${pids[*]}"
    elif [ "${#pids[@]}" -gt 0 ]; then
        echo "Stopping the instances (pids ${pids[*]})"
        stop_instances
    fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

plain() { sed 's/\x1b\[[0-9;]*m//g' "$1"; }

start_instance() { # name port
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    java $java_opts -jar "$jar" --port "$2" --name "$1" "${cluster_options[@]}" > "$logs/$1.log" 2>&1 &
    pids+=("$!")
    echo "Started instance $1 (pid $!) on http://127.0.0.1:$2; log $logs/$1.log"
}

wait_ready() { # name port pid
    local started=$SECONDS
    # A 200 that names the portal's warm-up check: at the end of Payara Micro's start /health/ready can answer 200
    # for a moment before the portal's checks are registered (deploy/README.md, section 7).
    until [[ "$(curl -fs "http://127.0.0.1:$2/health/ready" 2>/dev/null || true)" == *'"warm-up"'* ]]; do
        if ! kill -0 "$3" 2>/dev/null; then
            echo "Instance $1 stopped while starting; the end of its log:" >&2
            plain "$logs/$1.log" | tail -n 40 >&2
            exit 1
        fi
        if [ $((SECONDS - started)) -gt 300 ]; then
            echo "Instance $1 not ready after 300 s; see $logs/$1.log" >&2
            exit 1
        fi
        sleep 2
    done
    echo "Instance $1 ready: GET /health/ready answered 200, warmed up, after $((SECONDS - started)) s"
}

start_instance a "$port_a"
wait_ready a "$port_a" "${pids[0]}"
start_instance b "$port_b"
wait_ready b "$port_b" "${pids[1]}"

# Payara logs the data grid's members whenever they change: wait until both logs show two.
started=$SECONDS
until plain "$logs/a.log" | grep -q 'DG Size: 2' && plain "$logs/b.log" | grep -q 'DG Size: 2'; do
    if [ $((SECONDS - started)) -gt 60 ]; then
        echo "The two instances did not form one data grid within 60 s; see $logs/a.log and $logs/b.log" >&2
        exit 1
    fi
    sleep 1
done
echo "One cluster of two: instance B's log says"
plain "$logs/b.log" | grep -A4 'DG Size: 2' | tail -n 5 | sed 's/^/    /'

if [ "$check" = 0 ]; then
    if [ "$keep" = 1 ]; then
        exit 0
    fi
    echo "Both instances run until Ctrl-C."
    wait
    exit 0
fi

# ---------------------------------------------------------------- the check
lines_a=$(wc -l < "$logs/a.log")
lines_b=$(wc -l < "$logs/b.log")
if [ ! -f target/test-classes/org/leadingtogether/bench/ClusterCheck.class ]; then
    mvn -B -q test-compile
fi
status=0
CLUSTER_A="http://127.0.0.1:$port_a" CLUSTER_B="http://127.0.0.1:$port_b" CLUSTER_DB_URL="$DB_URL" \
    CLUSTER_DB_USER="$db_user" CLUSTER_DB_PASSWORD="$db_password" \
    mvn -B -q exec:java -Dexec.mainClass=org.leadingtogether.bench.ClusterCheck || status=$?

# Anything in the session that would not serialise is logged by the instance that tried to store it.
problems='NotSerializableException|Cannot serialize|not serializable|JSF1094'
echo
echo "== Session serialisation in the instances' logs while the check ran"
for name in a b; do
    if [ "$name" = a ]; then from=$lines_a; else from=$lines_b; fi
    found=$(plain "$logs/$name.log" | tail -n +"$((from + 1))" | grep -c -i -E "$problems" || true)
    echo "   instance $name: $found lines matching ${problems//|/, }"
    if [ "$found" != 0 ]; then
        plain "$logs/$name.log" | tail -n +"$((from + 1))" | grep -i -E "$problems" | head -n 5 | cut -c1-400 | sed 's/^/      /'
        status=1
    fi
done
if [ "$status" = 0 ]; then
    echo "   PASSED"
else
    echo "   FAILED (see above)"
fi
exit "$status"

#!/usr/bin/env bash
# Leading Together: round-trip test of backup.sh and restore.sh.
#
# Creates a scratch database and account, fills a table with utf8mb4 rows
# (emoji, Welsh letters, accents) and a trigger, backs it up with backup.sh,
# drops and recreates the database empty, restores it with restore.sh and
# checks that row count, row checksum and definitions are unchanged.
# The scratch database, account and temporary files are always removed.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: test-backup-restore.sh [-h]

Needs a MariaDB server and an administrative account that may create
databases and users. Environment:
  TEST_DB_HOST            (default: 127.0.0.1)
  TEST_DB_PORT            (default: 3306)
  TEST_DB_ADMIN_USER      (default: root)
  TEST_DB_ADMIN_PASSWORD  (default: empty)

Prints "backup/restore round trip: OK" on success; otherwise exits
non-zero with a message saying what differed.
EOF
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    "") ;;
    *) usage >&2; exit 2 ;;
esac

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
host=${TEST_DB_HOST:-127.0.0.1}
port=${TEST_DB_PORT:-3306}
admin_user=${TEST_DB_ADMIN_USER:-root}
admin_password=${TEST_DB_ADMIN_PASSWORD:-}

fail() { echo "backup/restore round trip: FAILED: $*" >&2; exit 1; }

suffix=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
db="lt_backup_test_$suffix"
user="lt_bt_$suffix"
# A password with characters that need care in option files and SQL.
password="pw-$suffix #;'\"\\\$ x"
sql_password=${password//\\/\\\\}
sql_password=${sql_password//\'/\'\'}

umask 077
work=$(mktemp -d)
created=0

opt_quote() {
    local v=${1//\\/\\\\}
    v=${v//\"/\\\"}
    printf '"%s"' "$v"
}

# Option files keep passwords off the command line here too.
{
    echo "[client]"
    echo "user=$(opt_quote "$admin_user")"
    if [[ -n "$admin_password" ]]; then echo "password=$(opt_quote "$admin_password")"; fi
    echo "host=$(opt_quote "$host")"
    echo "port=$port"
    echo "default-character-set=utf8mb4"
} >"$work/admin.cnf"
{
    echo "[client]"
    echo "user=$(opt_quote "$user")"
    echo "password=$(opt_quote "$password")"
    echo "host=$(opt_quote "$host")"
    echo "port=$port"
    echo "default-character-set=utf8mb4"
} >"$work/user.cnf"

as_admin() { mariadb --defaults-file="$work/admin.cnf" --batch --skip-column-names "$@"; }
as_user() { mariadb --defaults-file="$work/user.cnf" --batch --skip-column-names "$@" -- "$db"; }

cleanup() {
    local rc=$?
    if (( created )); then
        as_admin -e "DROP DATABASE IF EXISTS \`$db\`;
                     DROP USER IF EXISTS '$user'@'localhost', '$user'@'127.0.0.1';" ||
            echo "warning: could not remove scratch database $db or user $user" >&2
    fi
    rm -rf -- "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v mariadb >/dev/null || fail "mariadb client not found"
as_admin -e 'SELECT 1' >/dev/null || fail "cannot connect to MariaDB at $host:$port as $admin_user"

# --- Scratch database and account, set up as in mariadb-setup.sql ---------
created=1
as_admin -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
             CREATE USER '$user'@'localhost' IDENTIFIED BY '$sql_password';
             CREATE USER '$user'@'127.0.0.1' IDENTIFIED BY '$sql_password';
             GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'localhost';
             GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'127.0.0.1';"

# Names checked byte for byte after the restore.
names=("Siân Ŵyn" "Zoë Brontë" "Rhodri ap Gwŷn" "Chloé Núñez" "Łukasz Żółć" "Team spirit 🤝🚀" "O'Brien \"Dee\" \\ back")

# Schema and data created by the scratch account, as the application would.
{
    cat <<'EOF'
CREATE TABLE person (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    note TEXT NULL,
    score DECIMAL(10,2) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    photo BLOB NULL,
    UNIQUE KEY uk_person_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE audit (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id INT NOT NULL,
    CONSTRAINT fk_audit_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB;
CREATE TRIGGER person_audit AFTER INSERT ON person
    FOR EACH ROW INSERT INTO audit (person_id) VALUES (NEW.id);
EOF
    for n in "${names[@]}"; do
        v=${n//\\/\\\\}
        v=${v//\'/\'\'}
        printf "INSERT INTO person (name, note, score, photo) VALUES ('%s', 'Nodyn: %s ✓', 12.5, UNHEX('00FF10E29C93'));\n" "$v" "$v"
    done
    cat <<'EOF'
SET SESSION max_recursive_iterations = 10000;
INSERT INTO person (name, note, score)
    WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2000)
    SELECT CONCAT('Person ', n, ' – ', 'ŵ'), REPEAT('café ', n % 7), n / 4 FROM seq;
EOF
} | as_user

# Fingerprint of the data and definitions, compared before and after.
fingerprint() {
    {
        as_user -e "SELECT COUNT(*) FROM person; SELECT COUNT(*) FROM audit;"
        as_user -e "SELECT id, HEX(name), HEX(note), score, created_at, HEX(photo) FROM person ORDER BY id" | sha256sum
        as_user -e "SELECT id, person_id FROM audit ORDER BY id" | sha256sum
        as_user -e "CHECKSUM TABLE person, audit EXTENDED" | awk '{ print $2 }'
        as_user -e "SHOW CREATE TABLE person\G SHOW CREATE TABLE audit\G" | sed 's/ AUTO_INCREMENT=[0-9]*//'
        as_user -e "SELECT TRIGGER_NAME, EVENT_MANIPULATION, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
    }
}

# The names must be stored as the exact UTF-8 bytes we sent.
check_names() {
    local n expected actual v
    for n in "${names[@]}"; do
        expected=$(printf '%s' "$n" | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F')
        v=${n//\\/\\\\}
        v=${v//\'/\'\'}
        actual=$(as_user -e "SELECT HEX(name) FROM person WHERE name = '$v'")
        [[ "$actual" == "$expected" ]] || fail "$1: name '$n' stored as $actual, expected $expected"
    done
}

check_names "before backup"
rows=$(as_user -e "SELECT COUNT(*) FROM person")
before=$(fingerprint)

# --- Backup ----------------------------------------------------------------
export DB_NAME="$db" DB_USER="$user" DB_PASSWORD="$password" DB_HOST="$host" DB_PORT="$port"
unset DB_URL
backups="$work/backups"
mkdir -p "$backups"
# Two older dumps and an unrelated file: with BACKUP_KEEP=2 only the oldest dump goes.
touch "$backups/$db-20000101-000000.sql.gz" "$backups/$db-20000102-000000.sql.gz" "$backups/unrelated.txt"

dump=$(BACKUP_DIR="$backups" BACKUP_KEEP=2 "$here/backup.sh") || fail "backup.sh exited with an error"
[[ -s "$dump" ]] || fail "backup.sh did not produce a file (got '$dump')"
[[ "$dump" =~ /$db-[0-9]{8}-[0-9]{6}\.sql\.gz$ ]] || fail "unexpected backup file name: $dump"
[[ "$(stat -c %a "$dump")" == 600 ]] || fail "backup file mode is $(stat -c %a "$dump"), expected 600"
[[ ! -e "$backups/$db-20000101-000000.sql.gz" ]] || fail "BACKUP_KEEP=2 did not remove the oldest dump"
[[ -e "$backups/$db-20000102-000000.sql.gz" ]] || fail "BACKUP_KEEP=2 removed too many dumps"
[[ -e "$backups/unrelated.txt" ]] || fail "backup.sh removed a file that is not one of its dumps"
gunzip -c "$dump" >"$work/dump.sql" || fail "backup file is not a valid gzip file"
grep -q 'CREATE TABLE `person`' "$work/dump.sql" || fail "dump has no CREATE TABLE for person"
grep -q 'CREATE.*TRIGGER.*person_audit' "$work/dump.sql" || fail "dump has no trigger"
if grep -qF "$password" "$work/dump.sql"; then fail "password found in the dump"; fi
echo "backup:  $(basename "$dump") ($(stat -c %s "$dump") bytes, $rows people)"

# --- Empty the database ------------------------------------------------------
as_admin -e "DROP DATABASE \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
[[ "$(as_user -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")" == 0 ]] ||
    fail "database was not empty after drop and recreate"

# --- Restore ---------------------------------------------------------------
if "$here/restore.sh" >/dev/null 2>&1; then fail "restore.sh without a file argument did not refuse"; fi
if "$here/restore.sh" "$backups/unrelated.txt" >/dev/null 2>&1; then fail "restore.sh accepted a file that is not gzip"; fi
"$here/restore.sh" "$dump" || fail "restore.sh exited with an error"

# --- Compare ---------------------------------------------------------------
check_names "after restore"
after=$(fingerprint)
if [[ "$before" != "$after" ]]; then
    diff <(echo "$before") <(echo "$after") >&2 || true
    fail "restored database differs from the original (diff above)"
fi
# The restored trigger must still work.
as_user -e "INSERT INTO person (name) VALUES ('After restore'); SELECT COUNT(*) FROM audit" |
    grep -qx "$((rows + 1))" || fail "trigger did not fire after restore"

echo "restore: $rows people, checksums and definitions match"
echo "backup/restore round trip: OK"

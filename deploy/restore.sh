#!/usr/bin/env bash
# Leading Together: restore a dump made by backup.sh into the MariaDB database.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: restore.sh [-h] FILE

Restores FILE, a gzip-compressed dump made by backup.sh, into the database
DB_NAME. Tables in the dump replace tables of the same name; tables that are
not in the dump are left alone, so for an exact restore drop and recreate
the database first (see README.md). Stop the application before restoring.

Environment:
  DB_USER      database account (required)
  DB_PASSWORD  its password (may be unset for socket authentication)
  DB_NAME      database name  (default: leadingtogether)
  DB_HOST      database host  (default: 127.0.0.1)
  DB_PORT      database port  (default: 3306)

If DB_URL (the application's jdbc:mariadb://HOST:PORT/NAME) is set, it
supplies DB_HOST, DB_PORT and DB_NAME where those are not set.

The password is passed to mariadb in a temporary option file (mode 0600),
never on the command line.
EOF
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    "") echo "restore.sh: no dump file given" >&2; usage >&2; exit 2 ;;
esac
[[ $# -eq 1 ]] || { usage >&2; exit 2; }
file=$1

die() { echo "restore.sh: $*" >&2; exit 1; }

if [[ "${DB_URL:-}" =~ ^jdbc:(mariadb|mysql)://([^/:?,]+)(:([0-9]+))?/([^/?;]+) ]]; then
    : "${DB_HOST:=${BASH_REMATCH[2]}}"
    if [[ -n "${BASH_REMATCH[4]}" ]]; then : "${DB_PORT:=${BASH_REMATCH[4]}}"; fi
    : "${DB_NAME:=${BASH_REMATCH[5]}}"
fi

DB_NAME="${DB_NAME:-leadingtogether}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"

[[ -n "${DB_USER:-}" ]] || die "DB_USER is not set (see -h)"
[[ "$DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || die "DB_NAME may hold only letters, digits and underscores"
[[ -f "$file" && -r "$file" ]] || die "cannot read dump file '$file'"
command -v mariadb >/dev/null || die "mariadb client not found (install the MariaDB client)"

# Check the whole archive before touching the database.
gzip -t -- "$file" || die "'$file' is not a valid gzip file; nothing restored"

umask 077
option_file=""
cleanup() { rm -f -- "$option_file"; }
trap cleanup EXIT

opt_quote() {
    local v=${1//\\/\\\\}
    v=${v//\"/\\\"}
    printf '"%s"' "$v"
}

option_file=$(mktemp)
chmod 600 -- "$option_file"
{
    echo "[client]"
    echo "user=$(opt_quote "$DB_USER")"
    if [[ -n "${DB_PASSWORD:-}" ]]; then echo "password=$(opt_quote "$DB_PASSWORD")"; fi
    echo "host=$(opt_quote "$DB_HOST")"
    echo "port=$DB_PORT"
} >"$option_file"

echo "Restoring $file into database '$DB_NAME' on $DB_HOST:$DB_PORT as '$DB_USER' ..."
gunzip -c -- "$file" |
    mariadb --defaults-file="$option_file" --default-character-set=utf8mb4 --batch -- "$DB_NAME"

tables=$(mariadb --defaults-file="$option_file" --batch --skip-column-names -e \
    "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()" -- "$DB_NAME")
echo "Restored $file into database '$DB_NAME' on $DB_HOST:$DB_PORT ($tables tables)."

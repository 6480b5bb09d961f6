#!/usr/bin/env bash
# Leading Together: back up the MariaDB database to a gzip-compressed SQL dump.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: backup.sh [-h]

Dumps the Leading Together database with mariadb-dump into
  $BACKUP_DIR/<DB_NAME>-YYYYmmdd-HHMMSS.sql.gz
keeps the newest $BACKUP_KEEP dumps of that database, deletes older ones,
and prints the path of the new file.

Environment:
  DB_USER      database account (required)
  DB_PASSWORD  its password (may be unset for socket authentication)
  DB_NAME      database name            (default: leadingtogether)
  DB_HOST      database host            (default: 127.0.0.1)
  DB_PORT      database port            (default: 3306)
  BACKUP_DIR   where dumps are written  (default: /var/backups/leading-together)
  BACKUP_KEEP  how many dumps to keep; 0 keeps all (default: 14)

If DB_URL (the application's jdbc:mariadb://HOST:PORT/NAME) is set, it
supplies DB_HOST, DB_PORT and DB_NAME where those are not set, so the
application's environment file can be used as it is.

The password is passed to mariadb-dump in a temporary option file
(mode 0600), never on the command line.
EOF
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    "") ;;
    *) usage >&2; exit 2 ;;
esac

die() { echo "backup.sh: $*" >&2; exit 1; }

# Defaults from the application's DB_URL, if present.
if [[ "${DB_URL:-}" =~ ^jdbc:(mariadb|mysql)://([^/:?,]+)(:([0-9]+))?/([^/?;]+) ]]; then
    : "${DB_HOST:=${BASH_REMATCH[2]}}"
    if [[ -n "${BASH_REMATCH[4]}" ]]; then : "${DB_PORT:=${BASH_REMATCH[4]}}"; fi
    : "${DB_NAME:=${BASH_REMATCH[5]}}"
fi

DB_NAME="${DB_NAME:-leadingtogether}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/leading-together}"
BACKUP_KEEP="${BACKUP_KEEP:-14}"

[[ -n "${DB_USER:-}" ]] || die "DB_USER is not set (see -h)"
[[ "$BACKUP_KEEP" =~ ^[0-9]+$ ]] || die "BACKUP_KEEP must be a whole number, not '$BACKUP_KEEP'"
[[ "$DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || die "DB_NAME may hold only letters, digits and underscores"
command -v mariadb-dump >/dev/null || die "mariadb-dump not found (install the MariaDB client)"

# Dumps hold personal data: nothing we create is readable by others.
umask 077
mkdir -p -- "$BACKUP_DIR"

option_file=""
partial=""
cleanup() { rm -f -- "$option_file" "$partial"; }
trap cleanup EXIT

# Option-file value: double-quoted, with backslash and double quote escaped.
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

target="$BACKUP_DIR/$DB_NAME-$(date +%Y%m%d-%H%M%S).sql.gz"
[[ ! -e "$target" ]] || die "$target already exists; try again in a second"
partial=$(mktemp -- "$target.partial.XXXXXX")

# Write to a partial file first, so a failed dump never looks like a backup.
mariadb-dump --defaults-file="$option_file" \
    --single-transaction --routines --triggers \
    --default-character-set=utf8mb4 --hex-blob --no-tablespaces \
    -- "$DB_NAME" | gzip -9 >"$partial"
gzip -t -- "$partial"
mv -- "$partial" "$target"
partial=""

# Keep the newest BACKUP_KEEP dumps of this database (names sort by time).
if (( BACKUP_KEEP > 0 )); then
    shopt -s nullglob
    dumps=("$BACKUP_DIR/$DB_NAME"-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9].sql.gz)
    shopt -u nullglob
    excess=$(( ${#dumps[@]} - BACKUP_KEEP ))
    for (( i = 0; i < excess; i++ )); do
        rm -f -- "${dumps[i]}"
    done
fi

echo "$target"

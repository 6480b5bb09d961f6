-- Leading Together: database and account set-up for MariaDB 10.6 or later.
--
-- No password is stored in this file. Set the client variable @lt_password
-- in the same session before running it, for example (as root):
--
--   pw=$(openssl rand -hex 24)
--   { printf "SET @lt_password = '%s';\n" "$pw"; cat mariadb-setup.sql; } | mariadb
--
-- printf is a shell builtin, so the password never appears in a process list.
-- See README.md, step 3.
--
-- Safe to run again: objects are only created when missing, and the password
-- of both accounts is set to @lt_password each time (which is also how to
-- change it). The application's tables are created by the application itself
-- (Flyway migrations at start-up), not here.

-- Stop at once, with a clear message, if no password was given.
SET @lt_stmt = IF(@lt_password IS NULL OR @lt_password = '',
    'SIGNAL SQLSTATE ''45000'' SET MESSAGE_TEXT = ''Set @lt_password before running mariadb-setup.sql (see README.md)''',
    'DO 0');
PREPARE lt_stmt FROM @lt_stmt;
EXECUTE lt_stmt;
DEALLOCATE PREPARE lt_stmt;

CREATE DATABASE IF NOT EXISTS leadingtogether
    CHARACTER SET utf8mb4
    COLLATE utf8mb4_unicode_ci;

-- One account for socket/"localhost" connections and one for TCP to 127.0.0.1.
CREATE USER IF NOT EXISTS 'leadingtogether'@'localhost';
CREATE USER IF NOT EXISTS 'leadingtogether'@'127.0.0.1';

-- QUOTE() escapes the password, so any characters are safe.
SET @lt_stmt = CONCAT('ALTER USER ''leadingtogether''@''localhost'' IDENTIFIED BY ', QUOTE(@lt_password));
PREPARE lt_stmt FROM @lt_stmt;
EXECUTE lt_stmt;
DEALLOCATE PREPARE lt_stmt;

SET @lt_stmt = CONCAT('ALTER USER ''leadingtogether''@''127.0.0.1'' IDENTIFIED BY ', QUOTE(@lt_password));
PREPARE lt_stmt FROM @lt_stmt;
EXECUTE lt_stmt;
DEALLOCATE PREPARE lt_stmt;

-- All privileges on its own database only; nothing server-wide.
GRANT ALL PRIVILEGES ON leadingtogether.* TO 'leadingtogether'@'localhost';
GRANT ALL PRIVILEGES ON leadingtogether.* TO 'leadingtogether'@'127.0.0.1';

-- Forget the password in this session.
SET @lt_password = NULL, @lt_stmt = NULL;

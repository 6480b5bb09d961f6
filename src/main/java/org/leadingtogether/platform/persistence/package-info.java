/**
 * Where the data lives and how its shape is kept.
 *
 * <p>{@link org.leadingtogether.platform.persistence.DatabaseMigration} defines the one datasource from
 * MicroProfile Config: an embedded H2 file database (MariaDB mode) by default, MariaDB when {@code DB_URL}
 * and friends are set, and runs the Flyway
 * migrations in {@code db/migration} at start-up, before anything else touches the database; JPA never
 * generates schema.
 */
package org.leadingtogether.platform.persistence;

-- Which sign-ins of a person are still good (Person.getAccessVersion). A session keeps the version it began with and
-- every request compares it with this column, so deactivating someone, taking a role away or resetting a password
-- ends every session they hold at its next request, on every instance of a cluster.
ALTER TABLE person ADD COLUMN access_version INT NOT NULL DEFAULT 0;

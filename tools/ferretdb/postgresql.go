package main

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
)

// FerretDB 1.24's PostgreSQL backend pushes `{_id: v}` down as `_jsonb->'_id' @> v`,
// which its own btree index on `_jsonb->'_id'` cannot serve: every read by id scans the
// table. A GIN index on the same expression can, as long as the statement is planned
// with its parameters (a custom plan); the trigger below gives every collection table
// FerretDB creates such an index, and the URL asks PostgreSQL for custom plans. The
// index has no pending list (fastupdate off): with one, each lookup also scans up to
// 4 MB of not yet merged entries (28 ms instead of 3 ms measured at a million rows).

// idIndexSQL installs the trigger and indexes the tables that already exist.
const idIndexSQL = `
CREATE OR REPLACE FUNCTION sibyl_ferretdb_id_index(t regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  name text := left(replace(t::text, '"', ''), 40) || '_sibyl_id_gin';
BEGIN
  IF (SELECT relname NOT LIKE '\_ferretdb\_%' FROM pg_class WHERE oid = t)
     AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = '_jsonb' AND NOT attisdropped)
     AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                     WHERE i.indrelid = t AND c.relname LIKE '%_sibyl_id_gin') THEN
    EXECUTE format('CREATE INDEX %I ON %s USING gin ((_jsonb->''_id'') jsonb_path_ops) WITH (fastupdate = off)',
                   replace(name, '.', '_'), t);
  END IF;
END $fn$;

CREATE OR REPLACE FUNCTION sibyl_ferretdb_id_index_trigger() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' LOOP
    PERFORM sibyl_ferretdb_id_index(r.objid::regclass);
  END LOOP;
END $fn$;

DROP EVENT TRIGGER IF EXISTS sibyl_ferretdb_id_index;
CREATE EVENT TRIGGER sibyl_ferretdb_id_index ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
  EXECUTE FUNCTION sibyl_ferretdb_id_index_trigger();

SELECT sibyl_ferretdb_id_index(c.oid::regclass)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema');
`

// withCustomPlans adds plan_cache_mode=force_custom_plan to the URL unless it sets one:
// a generic plan of `_jsonb->$1 @> $2` cannot use the expression index.
func withCustomPlans(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("-postgresql-url: %w", err)
	}
	q := u.Query()
	if q.Get("plan_cache_mode") == "" {
		q.Set("plan_cache_mode", "force_custom_plan")
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// ensureIDIndexes installs the id-index trigger in the database (needs a role allowed to
// create event triggers, i.e. a superuser) and indexes the existing collection tables.
func ensureIDIndexes(ctx context.Context, pgURL string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, pgURL)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, idIndexSQL); err != nil {
		return fmt.Errorf("id indexes: %w", err)
	}
	return nil
}

package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the driver FerretDB itself uses
)

// FerretDB 1.24's SQLite backend indexes `_id` as `_ferretdb_sjson->"_id"` but pushes
// `{_id: v}` down as `_ferretdb_sjson->'$._id' = ?`: SQLite matches index expressions as
// written, so every read by id scans the table (103 s for one findOne over a million
// results on this machine). The keeper below gives every collection table an index on
// the expression the queries use, within idIndexInterval of its creation.

// idIndexInterval is how often the data folder is checked for new collections.
const idIndexInterval = time.Second

// keepIDIndexes indexes the collection tables of every database file in dir until ctx ends,
// re-checking a file only when it (or its WAL) changed.
func keepIDIndexes(ctx context.Context, dir string) {
	seen := map[string]time.Time{}
	ticker := time.NewTicker(idIndexInterval)
	defer ticker.Stop()
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, file := range files {
			changed := lastChange(file)
			if changed.Equal(seen[file]) {
				continue
			}
			if err := indexIDs(ctx, file); err != nil {
				log.Printf("ferretdb: _id index of %s: %v (retrying)", filepath.Base(file), err)
				continue
			}
			seen[file] = changed
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// lastChange is the latest modification time of the database file and its WAL.
func lastChange(file string) time.Time {
	var latest time.Time
	for _, name := range []string{file, file + "-wal"} {
		if info, err := os.Stat(name); err == nil && info.ModTime().After(latest) {
			latest = info.ModTime()
		}
	}
	return latest
}

// indexIDs creates the missing `_id` path indexes of one database file.
func indexIDs(ctx context.Context, file string) error {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)") // rw: never create a dropped file again
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx,
		`SELECT table_name FROM _ferretdb_collections
		  WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = table_name || '_sibyl_id')`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil // a database FerretDB has not initialised yet
		}
		return err
	}
	var tables []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, table)
	}
	rows.Close()
	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, table+"_sibyl_id", table)
		if _, err := db.ExecContext(ctx, q); err != nil && !strings.Contains(err.Error(), "no such table") {
			return err
		}
	}
	return nil
}

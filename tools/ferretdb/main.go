// Command ferretdb runs FerretDB v1.24 embedded, so Sibyl's local runs and tests
// have a MongoDB-wire-compatible database without installing MongoDB: on SQLite
// files by default, or on a PostgreSQL given with -postgresql-url. `go install`
// of FerretDB's own cmd panics (its version file is generated at build time),
// hence this tiny wrapper.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// defaultSQLiteParams are the SQLite settings measured fastest (BENCHMARKS.md, "Database").
const defaultSQLiteParams = "_txlock=immediate&_pragma=synchronous(normal)"

// redacted is the URL without its password, for the log.
func redacted(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", ".data/ferretdb", "directory for the SQLite files")
	logLevel := flag.String("log-level", "warn", "log level (debug, info, warn, error)")
	sqliteParams := flag.String("sqlite-params", defaultSQLiteParams,
		"query parameters of FerretDB's SQLite URL (FerretDB adds WAL and a 10 s busy timeout); "+
			"immediate transactions take the write lock at BEGIN, so concurrent writers wait in "+
			"SQLite's busy handler instead of failing with SQLITE_BUSY on lock upgrade; "+
			"synchronous(normal) syncs the WAL at checkpoints, not at every commit")
	postgresqlURL := flag.String("postgresql-url", "",
		"use FerretDB's PostgreSQL backend on this database (postgres://user@host:5432/db) instead of SQLite")
	flag.Parse()

	abs, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("ferretdb: data dir: %v", err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		log.Fatalf("ferretdb: data dir: %v", err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("ferretdb: -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/?" + *sqliteParams,
	}
	where := "SQLite files in " + abs
	if *postgresqlURL != "" {
		pgURL, err := withCustomPlans(*postgresqlURL)
		if err != nil {
			log.Fatalf("ferretdb: %v", err)
		}
		if err := ensureIDIndexes(context.Background(), pgURL); err != nil {
			log.Fatalf("ferretdb: PostgreSQL at %s: %v", redacted(pgURL), err)
		}
		config.Handler = "postgresql"
		config.SQLiteURL = ""
		config.PostgreSQLURL = pgURL
		where = "PostgreSQL " + redacted(pgURL)
	}
	f, err := ferretdb.New(config)
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if config.Handler == "sqlite" {
		go keepIDIndexes(ctx, abs)
	}
	log.Printf("ferretdb: listening on %s, data in %s", *listen, where)
	f.Run(ctx)
}

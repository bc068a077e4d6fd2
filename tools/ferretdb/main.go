// Command ferretdb runs FerretDB v1.24 embedded with its SQLite backend, so
// Sibyl's local runs and tests have a MongoDB-wire-compatible database without
// installing MongoDB. `go install` of FerretDB's own cmd panics (its version
// file is generated at build time), hence this tiny wrapper.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", ".data/ferretdb", "directory for the SQLite files")
	logLevel := flag.String("log-level", "warn", "log level (debug, info, warn, error)")
	sqliteParams := flag.String("sqlite-params", "_txlock=immediate",
		"query parameters of FerretDB's SQLite URL (FerretDB adds WAL and a 10 s busy timeout); "+
			"immediate transactions take the write lock at BEGIN, so concurrent writers wait in "+
			"SQLite's busy handler instead of failing with SQLITE_BUSY on lock upgrade")
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

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/?" + *sqliteParams,
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log.Printf("ferretdb: listening on %s, data in %s", *listen, abs)
	f.Run(ctx)
}

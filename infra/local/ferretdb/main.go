// Command ferretdb runs FerretDB for local development and tests.
//
// It wraps the embeddable github.com/FerretDB/FerretDB/ferretdb package because
// that project's own cmd/ferretdb panics when built with `go install` (it expects
// a generated build/version/version.txt that module downloads do not contain).
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "postgresql", "backend: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL URL for the postgresql handler")
	sqliteURL := flag.String("sqlite-url", "", "SQLite directory URI for the sqlite handler, e.g. file:/path/")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	// FerretDB connects to PostgreSQL lazily, per client. Check it up front so a bad
	// URL or a stopped database fails the start (and shows in the log) instead of
	// the first test.
	if *handler == "postgresql" {
		if err := pingPostgreSQL(ctx, *pgURL); err != nil {
			logger.Error("PostgreSQL is not reachable", "error", err)
			os.Exit(1)
		}
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       *handler,
		PostgreSQLURL: *pgURL,
		SQLiteURL:     *sqliteURL,
	})
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	logger.Info("FerretDB listening", "addr", *listen, "handler", *handler)

	if err := f.Run(ctx); err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}
}

func pingPostgreSQL(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()

	// The URL may carry pool settings (pool_max_conns) that only pgxpool understands;
	// parse it as a pool config so the plain connection ignores them.
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return err
	}

	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)

	return conn.Ping(ctx)
}

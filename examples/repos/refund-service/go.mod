module github.com/acme/refund-service

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
	go.uber.org/zap v1.21.0
)

require (
	go.uber.org/atomic v1.9.0 // indirect
	go.uber.org/multierr v1.8.0 // indirect
)

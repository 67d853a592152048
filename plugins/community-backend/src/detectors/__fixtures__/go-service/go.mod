module github.com/acme/inventory-service

go 1.22.3

require github.com/open-feature/go-sdk v1.11.0

require (
	github.com/go-chi/chi/v5 v5.0.12
	go.uber.org/zap v1.27.0
	google.golang.org/grpc v1.63.2
)

require (
	github.com/go-logr/logr v1.4.1 // indirect
	go.uber.org/multierr v1.11.0 // indirect
	golang.org/x/net v0.24.0 // indirect
)

replace github.com/acme/shared => ../shared

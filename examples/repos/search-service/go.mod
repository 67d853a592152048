module github.com/acme/search-service

go 1.23

require (
	github.com/elastic/go-elasticsearch/v7 v7.17.10
	github.com/open-feature/go-sdk v1.13.1
)

require github.com/go-logr/logr v1.4.2 // indirect

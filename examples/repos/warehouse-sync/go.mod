module github.com/acme/warehouse-sync

go 1.22

require (
	github.com/lib/pq v1.10.9
	github.com/robfig/cron/v3 v3.0.1
)

package main

import (
	"log"

	"github.com/robfig/cron/v3"
)

func main() {
	c := cron.New()
	if _, err := c.AddFunc("0 2 * * *", reconcile); err != nil {
		log.Fatal(err)
	}
	c.Run()
}

func reconcile() {
	log.Println("reconciling stock levels")
}

package main

import (
	"log"
	"net/http"

	"github.com/elastic/go-elasticsearch/v7"
	"github.com/open-feature/go-sdk/openfeature"
)

func main() {
	es, err := elasticsearch.NewDefaultClient()
	if err != nil {
		log.Fatalf("elasticsearch: %v", err)
	}
	flags := openfeature.NewClient("search-service")
	http.Handle("/search", searchHandler(es, flags))
	log.Println("listening on :8080")
	log.Fatal(http.ListenAndServe(":8080", nil))
}

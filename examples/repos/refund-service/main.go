package main

import (
	"net/http"

	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()

	http.HandleFunc("/refunds", handleRefund(logger))
	logger.Info("listening", zap.String("addr", ":8080"))
	_ = http.ListenAndServe(":8080", nil)
}

package main

import (
	"net/http"

	"go.uber.org/zap"
)

func handleRefund(logger *zap.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		logger.Info("refund requested", zap.String("payment", r.URL.Query().Get("payment")))
		w.WriteHeader(http.StatusAccepted)
	}
}

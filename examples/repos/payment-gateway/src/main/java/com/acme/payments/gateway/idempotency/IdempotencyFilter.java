package com.acme.payments.gateway.idempotency;

import jakarta.servlet.http.HttpServletRequest;

class IdempotencyFilter {
  static final String HEADER = "Idempotency-Key";

  String keyOf(HttpServletRequest request) {
    return request.getHeader(HEADER);
  }
}

package com.acme.payments;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {

  @PostMapping("/payments")
  public PaymentResponse create(
      @RequestHeader("Idempotency-Key") String key, PaymentRequest request) {
    return service.charge(key, request);
  }
}

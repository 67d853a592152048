package com.acme.payments.gateway;

import com.acme.payments.gateway.idempotency.Idempotent;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/payments")
class PaymentController {
  private final AcquirerClient acquirer;

  PaymentController(AcquirerClient acquirer) {
    this.acquirer = acquirer;
  }

  @Idempotent
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PaymentResponse authorise(@RequestBody PaymentRequest request) {
    return acquirer.authorise(request);
  }

  @Idempotent
  @PostMapping("/{id}/refunds")
  @ResponseStatus(HttpStatus.CREATED)
  RefundResponse refund(@PathVariable String id, @RequestBody RefundRequest request) {
    return acquirer.refund(id, request);
  }
}

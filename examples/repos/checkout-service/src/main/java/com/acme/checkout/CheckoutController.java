package com.acme.checkout;

import com.acme.commons.web.IdempotentConsumer;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/checkouts")
class CheckoutController {
  private final CheckoutService checkouts;

  CheckoutController(CheckoutService checkouts) {
    this.checkouts = checkouts;
  }

  // TODO(CHK-1187): accept an Idempotency-Key header on confirm as well.
  @IdempotentConsumer(topic = "basket-events")
  @PostMapping("/{basketId}/confirm")
  OrderConfirmation confirm(@PathVariable String basketId) {
    return checkouts.confirm(basketId);
  }
}

package com.acme.orders;

import com.acme.orders.api.CreateOrder;
import dev.openfeature.sdk.Client;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/orders")
class OrderController {
  private final OrderService orders;
  private final Client flags;

  OrderController(OrderService orders, Client flags) {
    this.orders = orders;
    this.flags = flags;
  }

  @PostMapping
  Order create(@RequestBody CreateOrder request) {
    boolean splitShipments = flags.getBooleanValue("split-shipments", false);
    return orders.create(request, splitShipments);
  }
}

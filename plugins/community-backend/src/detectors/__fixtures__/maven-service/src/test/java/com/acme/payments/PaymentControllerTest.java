package com.acme.payments;

import org.junit.jupiter.api.Test;

class PaymentControllerTest {
  @Test
  void chargesOnce() {}
}

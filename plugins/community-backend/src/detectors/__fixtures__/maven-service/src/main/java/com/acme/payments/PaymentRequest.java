package com.acme.payments;

public record PaymentRequest(String orderId, long amountCents, String currency) {}

package com.acme.orders.api;

import jakarta.validation.constraints.NotBlank;

public record CreateOrder(@NotBlank String checkoutId, @NotBlank String market) {}

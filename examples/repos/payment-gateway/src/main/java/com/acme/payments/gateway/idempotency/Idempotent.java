package com.acme.payments.gateway.idempotency;

import java.lang.annotation.*;

/**
 * Marks a handler whose requests must carry an idempotency key; a retried
 * request with the same key gets the stored response instead of a new charge.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {}

package com.acme.catalog;

import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/products")
class ProductController {
  private final ProductRepository products;

  ProductController(ProductRepository products) {
    this.products = products;
  }

  @GetMapping("/{sku}")
  Product get(@PathVariable String sku, @RequestParam String market) {
    return products.find(sku, market).orElseThrow();
  }
}

plugins {
    java
    alias(libs.plugins.spring.boot)
    id("io.spring.dependency-management") version "1.1.4"
}

dependencies {
    implementation(libs.spring.boot.starter.web)
    implementation("io.micrometer:micrometer-registry-prometheus:1.12.5")
    implementation(platform("software.amazon.awssdk:bom:2.25.40"))
    runtimeOnly("org.postgresql:postgresql") // version from the BOM
    testImplementation("org.springframework.boot:spring-boot-starter-test:3.2.4")
}

plugins {
    kotlin("jvm") version "1.9.24"
    kotlin("plugin.spring") version "1.9.24"
    id("org.springframework.boot") version "3.3.2"
}

val kotestVersion = "5.9.1"

dependencies {
    implementation(platform(libs.spring.boot.bom))
    implementation(
        "io.micrometer:micrometer-tracing-bridge-otel:1.3.2"
    )
    implementation(
        group = "com.stripe",
        name = "stripe-java",
        version = "26.1.0",
    )
    implementation(kotlin("reflect"))
    implementation(projects.billingApi)
    testImplementation("io.kotest:kotest-runner-junit5:$kotestVersion")
    runtimeOnly(billingDriver())
}

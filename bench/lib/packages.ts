/**
 * Package pools the generated repositories draw their dependencies from.
 * Each entry lists versions to choose from: some inside the ranges the
 * benchmark's patterns ask for, some outside, as in a real estate.
 */
export type Ecosystem =
  | 'npm'
  | 'maven'
  | 'gradle'
  | 'go'
  | 'pypi'
  | 'cargo'
  | 'nuget';

export type Pkg = { name: string; versions: string[]; p: number };

const pkg = (name: string, versions: string[], p: number): Pkg => ({
  name,
  versions,
  p,
});

export const PACKAGES: Record<Ecosystem, Pkg[]> = {
  npm: [
    pkg('express', ['4.19.2', '4.18.3'], 0.6),
    pkg('pino', ['9.3.1', '8.17.2', '7.11.0'], 0.45),
    pkg('winston', ['3.13.0'], 0.2),
    pkg('@acme/design-system', ['4.3.0', '3.9.1'], 0.3),
    pkg('@openfeature/server-sdk', ['1.13.5', '1.12.0'], 0.2),
    pkg('@opentelemetry/api', ['1.9.0', '1.4.1'], 0.3),
    pkg('@acme/eslint-config', ['3.2.0', '2.4.1'], 0.5),
    pkg('@tanstack/react-query', ['5.51.1', '4.36.1'], 0.25),
    pkg('react', ['18.3.1'], 0.35),
    pkg('knex', ['3.1.0', '2.5.1'], 0.2),
    pkg('zod', ['3.23.8'], 0.4),
    pkg('axios', ['1.7.2'], 0.4),
    pkg('lodash', ['4.17.21'], 0.3),
    pkg('date-fns', ['3.6.0'], 0.2),
    pkg('uuid', ['10.0.0', '9.0.1'], 0.3),
  ],
  maven: [
    pkg('org.springframework.boot:spring-boot-starter-web', [''], 0.8),
    pkg('org.springframework.boot:spring-boot-starter-actuator', [''], 0.5),
    pkg('net.logstash.logback:logstash-logback-encoder', ['7.4', '6.6'], 0.45),
    pkg('dev.openfeature:sdk', ['1.7.4', '1.6.1'], 0.2),
    pkg('io.opentelemetry:opentelemetry-api', ['1.39.0', '1.28.0'], 0.3),
    pkg('org.flywaydb:flyway-core', ['10.15.0', '9.22.3'], 0.3),
    pkg('com.fasterxml.jackson.core:jackson-databind', ['2.17.1'], 0.5),
    pkg('org.projectlombok:lombok', ['1.18.32'], 0.5),
    pkg('software.amazon.awssdk:secretsmanager', ['2.25.60'], 0.15),
  ],
  gradle: [
    pkg(
      'org.jetbrains.kotlinx:kotlinx-coroutines-core',
      ['1.8.1', '1.6.4'],
      0.6,
    ),
    pkg('io.ktor:ktor-server-core', ['2.3.11'], 0.4),
    pkg('net.logstash.logback:logstash-logback-encoder', ['7.4', '6.6'], 0.4),
    pkg('io.opentelemetry:opentelemetry-api', ['1.39.0'], 0.3),
    pkg('org.flywaydb:flyway-core', ['10.15.0'], 0.25),
    pkg('com.squareup.okhttp3:okhttp', ['4.12.0'], 0.4),
  ],
  go: [
    pkg('go.uber.org/zap', ['v1.27.0', 'v1.21.0'], 0.5),
    pkg('github.com/open-feature/go-sdk', ['v1.11.0'], 0.2),
    pkg('go.opentelemetry.io/otel', ['v1.27.0', 'v1.19.0'], 0.35),
    pkg('google.golang.org/grpc', ['v1.64.0', 'v1.58.3'], 0.35),
    pkg('github.com/gin-gonic/gin', ['v1.10.0'], 0.35),
    pkg('github.com/stretchr/testify', ['v1.9.0'], 0.6),
    pkg('github.com/jackc/pgx/v5', ['v5.6.0'], 0.3),
    pkg('github.com/spf13/cobra', ['v1.8.1'], 0.25),
  ],
  pypi: [
    pkg('fastapi', ['0.111.0', '0.100.1'], 0.5),
    pkg('pydantic', ['2.7.4', '1.10.15'], 0.6),
    pkg('structlog', ['24.2.0', '22.3.0'], 0.45),
    pkg('openfeature-sdk', ['0.7.1'], 0.2),
    pkg('opentelemetry-api', ['1.25.0'], 0.3),
    pkg('requests', ['2.32.3'], 0.5),
    pkg('SQLAlchemy', ['2.0.31'], 0.35),
    pkg('alembic', ['1.13.1'], 0.25),
    pkg('boto3', ['1.34.131'], 0.2),
  ],
  cargo: [
    pkg('tokio', ['1.38.0', '1.28.2'], 0.8),
    pkg('serde', ['1.0.203'], 0.8),
    pkg('axum', ['0.7.5'], 0.5),
    pkg('tracing', ['0.1.40'], 0.6),
    pkg('anyhow', ['1.0.86'], 0.6),
  ],
  nuget: [
    pkg('Serilog.AspNetCore', ['8.0.1', '7.0.0'], 0.6),
    pkg('Microsoft.EntityFrameworkCore', ['8.0.6'], 0.5),
    pkg('Swashbuckle.AspNetCore', ['6.6.2'], 0.5),
    pkg('OpenTelemetry.Extensions.Hosting', ['1.9.0'], 0.3),
  ],
};

/** Development-only packages, for the second manifest some repos have. */
export const DEV_PACKAGES: Partial<Record<Ecosystem, Pkg[]>> = {
  npm: [
    pkg('jest', ['29.7.0'], 0.6),
    pkg('typescript', ['5.4.5'], 0.9),
    pkg('@types/node', ['20.14.2'], 0.8),
    pkg('@cyclonedx/cyclonedx-npm', ['1.19.0'], 0.15),
  ],
  pypi: [
    pkg('pytest', ['8.2.2'], 0.8),
    pkg('ruff', ['0.5.0', '0.0.292'], 0.45),
    pkg('mypy', ['1.10.1'], 0.4),
  ],
};

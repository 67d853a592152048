import { PatternDetectionRule } from '@copkit/plugin-community-common';

/** A pattern as the benchmark defines it, before it becomes an entity. */
export type PatternDef = {
  name: string;
  community: string;
  match?: 'any' | 'all';
  appliesTo?: { types?: string[]; tags?: string[]; lifecycles?: string[] };
  rules: PatternDetectionRule[];
  exemptions?: Array<{ entity: string; reason: string; until?: string }>;
};

const dep = (
  ecosystem: 'npm' | 'maven' | 'gradle' | 'go' | 'pypi' | 'cargo' | 'nuget',
  name: string,
  version?: string,
): PatternDetectionRule => ({
  dependency: { ecosystem, name, ...(version ? { version } : {}) },
});
const file = (path: string, contains?: string): PatternDetectionRule => ({
  file: { path, ...(contains ? { contains } : {}) },
});

/**
 * The 30 patterns of the scan benchmark: every built-in rule shape, `any`
 * and `all`, applicability filters, exemptions, and dependency rules for
 * all seven ecosystems.
 */
export const SCAN_PATTERNS: PatternDef[] = [
  {
    name: 'structured-logging',
    community: 'devops',
    appliesTo: { types: ['service'] },
    rules: [
      { dependsOn: 'resource:default/log-pipeline' },
      dep('npm', 'pino', '^8.0.0 || ^9.0.0'),
      dep('maven', 'net.logstash.logback:logstash-logback-encoder', '>=7.0.0'),
      dep('gradle', 'net.logstash.logback:logstash-logback-encoder', '>=7.0.0'),
      dep('go', 'go.uber.org/zap', '>=1.24.0'),
      dep('pypi', 'structlog', '>=23.1.0'),
      dep('nuget', 'Serilog.AspNetCore', '>=8.0.0'),
    ],
    exemptions: [
      {
        entity: 'component:default/svc-0007',
        reason: 'batch job',
        until: '2099-12-31',
      },
    ],
  },
  {
    name: 'design-system',
    community: 'frontend',
    appliesTo: { types: ['website', 'library'] },
    rules: [
      { sourceTemplate: 'template:default/react-website' },
      { tag: 'design-system' },
      dep('npm', '@acme/design-system', '^4.0.0'),
    ],
  },
  {
    name: 'idempotent-payments',
    community: 'payments',
    match: 'all',
    appliesTo: { tags: ['payments'] },
    rules: [
      {
        annotation: {
          key: 'acme.example.com/pci-scope',
          value: 'cardholder-data',
        },
      },
      file('src/main/java/**/*.java', '@Idempotent\\b|"Idempotency-Key"'),
    ],
  },
  {
    name: 'helm-chart',
    community: 'devops',
    match: 'all',
    appliesTo: { types: ['service'] },
    rules: [
      file('charts/*/Chart.yaml'),
      { annotation: { key: 'backstage.io/kubernetes-id' } },
    ],
  },
  {
    name: 'openfeature',
    community: 'engineering',
    rules: [
      dep('npm', '@openfeature/server-sdk', '^1.13.0'),
      dep('maven', 'dev.openfeature:sdk', '>=1.7.0'),
      dep('go', 'github.com/open-feature/go-sdk'),
      dep('pypi', 'openfeature-sdk'),
    ],
  },
  {
    name: 'spring-boot-3',
    community: 'java',
    appliesTo: { tags: ['java', 'kotlin'] },
    rules: [
      dep(
        'maven',
        'org.springframework.boot:spring-boot-starter-parent',
        '>=3.2.0',
      ),
      dep('gradle', 'org.springframework.boot', '>=3.2.0'),
    ],
  },
  {
    name: 'github-actions',
    community: 'devops',
    rules: [file('.github/workflows/*.yml')],
  },
  {
    name: 'jenkins-pipelines',
    community: 'devops',
    rules: [file('Jenkinsfile')],
  },
  {
    name: 'acme-base-image',
    community: 'devops',
    rules: [file('Dockerfile', '^FROM acme/base-')],
  },
  {
    name: 'non-root-container',
    community: 'security',
    rules: [file('**/Dockerfile', '^USER [a-z]+')],
  },
  {
    name: 'otel-tracing',
    community: 'devops',
    rules: [
      dep('npm', '@opentelemetry/api'),
      dep('maven', 'io.opentelemetry:opentelemetry-api'),
      dep('gradle', 'io.opentelemetry:opentelemetry-api'),
      dep('go', 'go.opentelemetry.io/otel'),
      dep('pypi', 'opentelemetry-api'),
      dep('nuget', 'OpenTelemetry.Extensions.Hosting'),
    ],
  },
  {
    name: 'codeowners',
    community: 'engineering',
    rules: [file('{.github/CODEOWNERS,CODEOWNERS}')],
  },
  {
    name: 'adr-records',
    community: 'architecture',
    rules: [file('docs/adr/*.md')],
  },
  {
    name: 'api-first',
    community: 'architecture',
    appliesTo: { types: ['service'] },
    rules: [{ tag: 'api-first' }, file('**/openapi.yaml')],
  },
  {
    name: 'grpc-contracts',
    community: 'architecture',
    rules: [
      file('proto/**/*.proto'),
      dep('go', 'google.golang.org/grpc', '>=1.60.0'),
    ],
  },
  {
    name: 'python-typing',
    community: 'python',
    appliesTo: { tags: ['python'] },
    rules: [file('pyproject.toml', '^\\[tool\\.mypy\\]')],
  },
  {
    name: 'ruff-lint',
    community: 'python',
    match: 'all',
    appliesTo: { tags: ['python'] },
    rules: [
      file('pyproject.toml', '^\\[tool\\.ruff'),
      dep('pypi', 'ruff', '>=0.4.0'),
    ],
  },
  {
    name: 'renovate',
    community: 'security',
    rules: [file('{renovate.json,.github/renovate.json}')],
  },
  {
    name: 'eslint-config',
    community: 'frontend',
    appliesTo: { tags: ['node'] },
    rules: [dep('npm', '@acme/eslint-config', '>=3.0.0')],
  },
  {
    name: 'react-query',
    community: 'frontend',
    appliesTo: { types: ['website'] },
    rules: [dep('npm', '@tanstack/react-query', '^5.0.0')],
  },
  {
    name: 'unit-tests-ts',
    community: 'frontend',
    appliesTo: { tags: ['node'] },
    rules: [file('src/**/*.test.ts')],
  },
  {
    name: 'kotlin-coroutines',
    community: 'java',
    rules: [
      dep('gradle', 'org.jetbrains.kotlinx:kotlinx-coroutines-core', '>=1.7.0'),
    ],
  },
  {
    name: 'rust-tokio',
    community: 'engineering',
    rules: [dep('cargo', 'tokio', '>=1.30.0')],
  },
  {
    name: 'tech-docs',
    community: 'engineering',
    rules: [
      { annotation: { key: 'backstage.io/techdocs-ref' } },
      file('mkdocs.yml'),
    ],
  },
  {
    name: 'golden-path',
    community: 'engineering',
    rules: [
      { sourceTemplate: 'template:default/java-service' },
      { sourceTemplate: 'template:default/node-service' },
      { sourceTemplate: 'template:default/go-service' },
    ],
  },
  {
    name: 'health-endpoint',
    community: 'devops',
    appliesTo: { types: ['service'] },
    rules: [file('**/*.{ts,js,go,py,java,kt,rs,cs}', '/healthz|/health/ready')],
  },
  {
    name: 'secrets-manager',
    community: 'security',
    rules: [
      { dependsOn: 'resource:default/vault' },
      file('**/*.{ts,java,go,py,kt}', '[Ss]ecrets[Mm]anager'),
    ],
  },
  {
    name: 'db-migrations',
    community: 'architecture',
    appliesTo: { types: ['service'] },
    rules: [
      file('migrations/*.sql'),
      dep('maven', 'org.flywaydb:flyway-core'),
      dep('gradle', 'org.flywaydb:flyway-core'),
      dep('npm', 'knex', '>=3.0.0'),
      dep('pypi', 'alembic'),
    ],
  },
  {
    name: 'sbom',
    community: 'security',
    rules: [
      file('.github/workflows/*.yml', 'syft|cyclonedx'),
      file('Jenkinsfile', 'cyclonedx'),
      dep('npm', '@cyclonedx/cyclonedx-npm'),
    ],
  },
  {
    name: 'dotnet-ef-core',
    community: 'engineering',
    rules: [dep('nuget', 'Microsoft.EntityFrameworkCore', '>=8.0.0')],
  },
];

/** A pattern entity (kind Pattern) for a definition. */
export function patternEntity(def: PatternDef) {
  return {
    apiVersion: 'copkit.io/v1alpha1' as const,
    kind: 'Pattern' as const,
    metadata: { name: def.name, namespace: 'default', title: def.name },
    spec: {
      type: 'architecture',
      status: 'adopt' as const,
      owner: 'group:default/team-0',
      community: `community:default/${def.community}`,
      templates: ['template:default/node-service'],
      appliesTo: { kinds: ['Component'], ...def.appliesTo },
      detection: { match: def.match ?? 'any', rules: def.rules },
      ...(def.exemptions ? { exemptions: def.exemptions } : {}),
    },
  };
}

import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';

export type CommunityBackendConfig = {
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
  partitions: number;
  maxFileBytes: number;
  retentionDays: number;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 30 },
  initialDelay: { seconds: 15 },
};

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `Invalid config community.${key}: expected a whole number of at least 1, got ${value}`,
    );
  }
  return value;
}

/** Reads `community.*` with its defaults; bad values name the key. */
export function readCommunityConfig(root: Config): CommunityBackendConfig {
  const config = root.getOptionalConfig('community') ?? new ConfigReader({});
  const scan = root.getOptionalConfig('community.scan');
  return {
    schedule: scan?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          scan.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    concurrency: positive(config, 'scan.concurrency', 4),
    partitions: positive(config, 'scan.partitions', 4),
    maxFileBytes: positive(config, 'scan.maxFileBytes', 1024 * 1024),
    retentionDays: positive(config, 'retentionDays', 365),
  };
}

import { createHash } from 'node:crypto';

/**
 * The partition a piece of work belongs to. Entities that share a repository
 * share a key, so a repository is read by one partition only.
 */
export function partitionOf(key: string, partitions: number): number {
  const digest = createHash('sha1').update(key).digest();
  return digest.readUInt32BE(0) % partitions;
}

/** The scheduler task id of a partition. */
export function partitionTaskId(partition: number): string {
  return `community-adoption-scan-${partition}`;
}

/** Stable hash of a judgement's inputs. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

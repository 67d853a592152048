/**
 * copkit's community backend: the adoption engine that detects which
 * services use which patterns, keeps the history and serves roll-ups.
 *
 * @packageDocumentation
 */

export { communityPlugin as default, communityPlugin } from './plugin';

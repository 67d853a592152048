/**
 * Node library for copkit's community backend: the extension point through
 * which backend modules add pattern detectors.
 *
 * @packageDocumentation
 */

export * from './detectors';

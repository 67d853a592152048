import pino from 'pino';

export const logger = pino({ messageKey: 'message' });

export function onShutdown(close: () => Promise<void>): void {
  process.once('SIGTERM', () => {
    logger.info('shutting down');
    close().finally(() => process.exit(0));
  });
}

import { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps quiet and counts warnings and errors. */
export function quietLogger(): LoggerService & {
  warnings: string[];
  errors: string[];
} {
  const warnings: string[] = [];
  const errors: string[] = [];
  const logger = {
    warnings,
    errors,
    error: (message: string) => {
      errors.push(message);
    },
    warn: (message: string) => {
      warnings.push(message);
    },
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

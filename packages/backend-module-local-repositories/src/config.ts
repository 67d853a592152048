import { Config } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';

/** One entry of `localRepositories`, with its root resolved. */
export type LocalRepositoryRoot = {
  /** Host name as URLs carry it, lower case, e.g. `repos.acme.example`. */
  host: string;
  /** The root directory as a real path (symlinks resolved). */
  root: string;
};

const CONFIG_KEY = 'localRepositories';

/**
 * Reads `localRepositories` and resolves each root against `cwd`.
 * Runs once at startup, so a root that is missing or not a directory stops
 * the reader from being created instead of failing every read later.
 */
export function readLocalRepositoryRoots(
  config: Config,
  cwd: string = process.cwd(),
): LocalRepositoryRoot[] {
  const entries = config.getOptionalConfigArray(CONFIG_KEY) ?? [];
  return entries.map((entry, index) => {
    const key = `${CONFIG_KEY}[${index}]`;
    const host = entry.getString('host').trim().toLocaleLowerCase('en-US');
    if (!/^[a-z0-9.-]+(:\d+)?$/.test(host)) {
      throw new Error(
        `${key}.host must be a bare host name such as "repos.acme.example" (no scheme, no path); got "${entry.getString(
          'host',
        )}"`,
      );
    }
    const configured = entry.getString('root');
    const absolute = path.resolve(cwd, configured);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch {
      throw new Error(
        `${key}.root: directory "${configured}" does not exist (resolved against the working directory ${cwd} to ${absolute})`,
      );
    }
    if (!stats.isDirectory()) {
      throw new Error(
        `${key}.root: "${configured}" (resolved to ${absolute}) is not a directory`,
      );
    }
    return { host, root: fs.realpathSync(absolute) };
  });
}

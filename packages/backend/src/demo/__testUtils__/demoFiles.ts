import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// The files the demo portal is made of, as `yarn start` reads them.

export const repoRoot = path.resolve(__dirname, '../../../../..');
/** The example repositories the local UrlReader serves. */
export const reposDir = path.join(repoRoot, 'examples', 'repos');
/** The example catalog app-config.yaml registers. */
export const catalogEntry = path.join(repoRoot, 'catalog-info', 'all.yaml');

/** The demo's app-config.yaml, parsed. */
export function readAppConfig() {
  return parse(fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'));
}

/** `kind:namespace/name`, with the namespace the catalog would default. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
}

const asArray = (value: unknown): string[] =>
  ([] as unknown[]).concat(value ?? []) as string[];

/** One entity of the example catalog and the file it was read from. */
export interface ExampleEntity {
  ref: string;
  file: string;
  entity: Entity;
}

/**
 * Reads a catalog file and, through Location targets, every file it names.
 * What it cannot read goes to `problems` rather than throwing, so that a
 * test can still let the catalog give its own verdict on the same files.
 */
export function readExampleCatalog(
  file = catalogEntry,
  out: { entities: ExampleEntity[]; problems: string[] } = {
    entities: [],
    problems: [],
  },
) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    out.problems.push(`${file}: ${error}`);
    return out;
  }
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      out.problems.push(`${file}: ${doc.errors.map(e => e.message).join()}`);
      continue;
    }
    const entity = doc.toJS() as Entity | null;
    if (!entity) continue;
    out.entities.push({ ref: refOf(entity), file, entity });
    if (entity.kind === 'Location') {
      const spec = entity.spec ?? {};
      for (const target of [
        ...asArray(spec.target),
        ...asArray(spec.targets),
      ]) {
        readExampleCatalog(path.resolve(path.dirname(file), target), out);
      }
    }
  }
  return out;
}

import { InputError } from '@backstage/errors';
import { DependencyEcosystem } from '@copkit/plugin-community-common';
import {
  DetectorOutcome,
  PatternDetector,
  RepositoryFiles,
} from '@copkit/plugin-community-node';
import {
  DeclaredDependency,
  ManifestFormat,
  manifestFormats,
  normalizePackageName,
} from './manifests';
import { NoteList, overCapNote } from './notes';
import { decodeText, evidenceText, findLine, isBinary } from './text';
import { judgeVersion } from './versions';

/** The value of a `dependency` rule. */
export type DependencyRule = {
  ecosystem: DependencyEcosystem;
  name: string;
  version?: string;
};

// Installed or generated copies of other projects' manifests, not ours.
const SKIPPED_DIRS = new Set(['node_modules', 'vendor', 'target', '.git']);

/** The repository's manifests for the ecosystem, in path order. */
function manifestsOf(files: RepositoryFiles, formats: ManifestFormat[]) {
  const found: Array<{ path: string; format: ManifestFormat }> = [];
  for (const path of files.paths) {
    if (path.split('/').some(dir => SKIPPED_DIRS.has(dir))) continue;
    const format = formats.find(f => f.isManifest(path));
    if (format) found.push({ path, format });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The declaration that satisfies the rule; notes the near misses. */
function satisfying(
  declared: DeclaredDependency[],
  rule: DependencyRule,
  path: string,
  notes: NoteList,
): DeclaredDependency | undefined {
  const wanted = normalizePackageName(rule.ecosystem, rule.name);
  for (const found of declared) {
    if (normalizePackageName(rule.ecosystem, found.name) !== wanted) continue;
    if (rule.version === undefined) return found;
    const range = rule.version;
    const verdict = judgeVersion(rule.ecosystem, found.version, range);
    if (verdict === 'satisfies') return found;
    // Versions built from hostile properties can be long: cut like evidence.
    const version = evidenceText(found.version ?? '');
    const dep = { ...found, name: evidenceText(found.name) };
    if (dep.unresolved) {
      notes.add(
        `${path} declares ${dep.name} "${version}", ${dep.unresolved}, so it cannot be checked against ${range}`,
      );
    } else if (verdict === 'missing') {
      notes.add(
        `${path} declares ${dep.name} without a version, so it cannot be checked against ${range}`,
      );
    } else if (verdict === 'unknown') {
      notes.add(
        `${path} declares ${dep.name} "${version}", which is not a version that can be checked against ${range}`,
      );
    } else {
      notes.add(`${path} declares ${dep.name} ${version}, outside ${range}`);
    }
  }
  return undefined;
}

function evidence(path: string, text: string, line?: number) {
  if (line === undefined) return { path };
  const found = findLine(text, (_, n) => n === line);
  return { path, line, text: evidenceText(found?.line ?? '') };
}

/** The repository-root companion files the formats refer to, read once. */
async function companionsOf(
  files: RepositoryFiles,
  formats: ManifestFormat[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const path of formats.flatMap(f => f.companions ?? [])) {
    if (texts.has(path) || !files.paths.includes(path)) continue;
    const content = await files.read(path);
    if (content && !isBinary(content)) texts.set(path, decodeText(content));
  }
  return texts;
}

async function detectDependency(
  rule: DependencyRule,
  files: RepositoryFiles,
  signal?: AbortSignal,
): Promise<DetectorOutcome> {
  const notes = new NoteList();
  let unreadable: string | undefined;
  const formats = manifestFormats[rule.ecosystem];
  const manifests = manifestsOf(files, formats);
  const companions = await companionsOf(files, formats);
  for (const { path, format } of manifests) {
    signal?.throwIfAborted();
    const content = await files.read(path);
    if (content === undefined) {
      notes.add(overCapNote(path, files.size(path), files.maxFileBytes));
      continue;
    }
    let text = '';
    let declared: DeclaredDependency[];
    try {
      if (isBinary(content)) throw new Error('it is a binary file');
      text = decodeText(content);
      declared = format.parse(text, {
        path,
        companions,
        note: message => notes.add(message),
      });
    } catch (error) {
      const problem = `unreadable manifest ${path}: ${
        (error as Error).message
      }`;
      notes.add(problem);
      unreadable ??= problem;
      continue;
    }
    const dep = satisfying(declared, rule, path, notes);
    if (dep) {
      return {
        matched: true,
        evidence: evidence(path, text, dep.line),
        ...notes.field(),
      };
    }
  }
  // Nothing matched, and a manifest that might have said otherwise is unreadable.
  if (unreadable) throw new InputError(unreadable);
  return { matched: false, ...notes.field() };
}

/**
 * `dependency`: a manifest anywhere in the repository (outside
 * `node_modules`, `vendor` and `target`) declares the package, within the
 * rule's version range if it has one. Manifests are read in path order
 * until one matches.
 */
export const dependencyDetector: PatternDetector<DependencyRule> = {
  shape: 'dependency',
  needs: 'repository',
  describe: ({ ecosystem, name, version }) =>
    `dependency: ${ecosystem} ${name}${version ? ` ${version}` : ''}`,
  async detect({ rule, files, signal }) {
    if (!files) {
      throw new Error('the dependency detector needs repository files');
    }
    return detectDependency(rule, files, signal);
  },
};

import { DeclaredDependency, ManifestFormat } from './types';
import {
  asList,
  asRecord,
  baseName,
  escapeRegExp,
  lineOf,
  parseXmlDocument,
  resolveProperties,
  xmlText,
} from './shared';

// Elements naming an artifact: dependencies (also under dependencyManagement,
// plugins and profiles), build plugins and extensions, and the parent POM.
const ARTIFACT_ELEMENTS = new Set([
  'dependency',
  'plugin',
  'extension',
  'parent',
]);

function properties(project: Record<string, unknown>): Map<string, string> {
  const props = new Map<string, string>();
  for (const [key, value] of Object.entries(asRecord(project.properties))) {
    const text = xmlText(value);
    if (text !== undefined) props.set(key, text);
  }
  const parent = asRecord(project.parent);
  const version = xmlText(project.version) ?? xmlText(parent.version);
  const groupId = xmlText(project.groupId) ?? xmlText(parent.groupId);
  if (version) props.set('project.version', version);
  if (groupId) props.set('project.groupId', groupId);
  const parentVersion = xmlText(parent.version);
  if (parentVersion) props.set('project.parent.version', parentVersion);
  return props;
}

/** Every element in `ARTIFACT_ELEMENTS`, at any depth, in document order. */
function artifacts(
  node: unknown,
  found: Array<{ element: string; fields: Record<string, unknown> }>,
) {
  for (const [key, value] of Object.entries(asRecord(node))) {
    for (const item of asList(value)) {
      if (ARTIFACT_ELEMENTS.has(key)) {
        found.push({ element: key, fields: asRecord(item) });
      }
      if (typeof item === 'object') artifacts(item, found);
    }
  }
  return found;
}

/** `pom.xml`: `groupId:artifactId`, versions through simple `${properties}`. */
export const pomXml: ManifestFormat = {
  ecosystem: 'maven',
  isManifest: path => baseName(path) === 'pom.xml',
  parse(text) {
    const project = asRecord(parseXmlDocument(text).project);
    if (Object.keys(project).length === 0) {
      throw new Error('no <project> element');
    }
    const props = properties(project);
    const found: DeclaredDependency[] = [];
    for (const { element, fields } of artifacts(project, [])) {
      const artifactId = xmlText(fields.artifactId);
      const groupId =
        xmlText(fields.groupId) ??
        (element === 'plugin' ? 'org.apache.maven.plugins' : undefined);
      if (!artifactId || !groupId) continue;
      const version = xmlText(fields.version);
      found.push({
        name: resolveProperties(
          `${groupId}:${artifactId}`,
          props,
          /\$\{([^}]+)\}/g,
        ),
        version: version && resolveProperties(version, props, /\$\{([^}]+)\}/g),
        line: lineOf(
          text,
          new RegExp(`<artifactId>\\s*${escapeRegExp(artifactId)}\\s*<`),
        ),
      });
    }
    return found;
  },
};

#!/usr/bin/env node
// Helpers for scripts/adopter-check.sh: the small edits an adopter makes by
// hand in a fresh Backstage portal, and the checks on the results. Each
// subcommand prints what it did; any failure exits non-zero with a message.
//
//   portal.js resolutions <package.json> <name>=<range>...
//   portal.js pick-resolutions <copkit package.json> <name>...   (prints name=range lines)
//   portal.js yarnrc <copkit .yarnrc.yml> <portal .yarnrc.yml>
//   portal.js register-backend <packages/backend/src/index.ts>
//   portal.js configure <app-config.yaml> <catalog location target>
//   portal.js app-feature <app-config.yaml> <packages/app/src/App.tsx>
//   portal.js check-tarball <file.tgz>
//   portal.js versions <yarn.lock> <out.json>
//   portal.js compare-duplicates <before.json> <after.json>
//   portal.js free-port
//   portal.js token <refresh response file>
//   portal.js count-items <by-query response file>
//   portal.js check-validation <response file> <expected message>
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const { execFileSync } = require('node:child_process');

const COPKIT_ROOT = path.resolve(__dirname, '../..');

function fail(message) {
  console.error(`adopter-check: ${message}`);
  process.exit(1);
}

function loadYaml() {
  // copkit's own install has `yaml` (Backstage depends on it); so does the portal.
  return require(require.resolve('yaml', {
    paths: [COPKIT_ROOT, process.cwd()],
  }));
}

// Keep the adopter's formatting as far as the yaml library can.
const YAML_OPTS = { flowCollectionPadding: false, lineWidth: 0 };

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

const commands = {
  // Set root `resolutions` entries, as an adopter would by hand.
  resolutions(pkgPath, ...pairs) {
    const pkg = readJson(pkgPath);
    pkg.resolutions = pkg.resolutions ?? {};
    for (const pair of pairs) {
      const at = pair.indexOf('=', 1);
      if (at < 0) fail(`bad resolution ${pair}`);
      const name = pair.slice(0, at);
      const range = pair.slice(at + 1);
      pkg.resolutions[name] = range;
      console.log(`  resolutions["${name}"] = "${range}"`);
    }
    writeJson(pkgPath, pkg);
  },

  // The registry-gap pins, read from copkit's own root package.json so they
  // cannot drift from what copkit itself uses.
  'pick-resolutions'(pkgPath, ...names) {
    const res = readJson(pkgPath).resolutions ?? {};
    for (const name of names) {
      if (!res[name]) fail(`${pkgPath} has no resolutions["${name}"]`);
      console.log(`${name}=${res[name]}`);
    }
  },

  // Give the portal copkit's Yarn settings (not yarnPath, which is the
  // portal's own Yarn release).
  yarnrc(copkitRc, portalRc) {
    const YAML = loadYaml();
    const ours = YAML.parse(fs.readFileSync(copkitRc, 'utf8')) ?? {};
    const doc = YAML.parseDocument(fs.readFileSync(portalRc, 'utf8'));
    let changed = 0;
    for (const [key, value] of Object.entries(ours)) {
      if (key === 'yarnPath') continue;
      const current = doc.get(key);
      const currentJs = current && current.toJSON ? current.toJSON() : current;
      if (JSON.stringify(currentJs) !== JSON.stringify(value)) {
        doc.set(key, value);
        console.log(
          `  .yarnrc.yml ${key}: ${JSON.stringify(
            currentJs,
          )} -> ${JSON.stringify(value)}`,
        );
        changed++;
      }
    }
    fs.writeFileSync(portalRc, doc.toString(YAML_OPTS));
    if (!changed) console.log("  .yarnrc.yml already has copkit's settings");
  },

  // docs/catalog-model.md and docs/adoption.md: add the module after the
  // catalog's scaffolder entity model, then the community backend.
  'register-backend'(indexPath) {
    let src = fs.readFileSync(indexPath, 'utf8');
    const lines = [
      "backend.add(import('@copkit/plugin-catalog-backend-module-community'));",
      "backend.add(import('@copkit/plugin-community-backend'));",
    ];
    const anchor =
      /backend\.add\(\s*import\(\s*'@backstage\/plugin-catalog-backend-module-scaffolder-entity-model'\s*\),?\s*\);\n/;
    const m = anchor.exec(src);
    if (!m)
      fail(
        `${indexPath}: no backend.add(...scaffolder-entity-model) to add the copkit lines after`,
      );
    const at = m.index + m[0].length;
    src = `${src.slice(0, at)}${lines.join('\n')}\n${src.slice(at)}`;
    fs.writeFileSync(indexPath, src);
    for (const l of lines) console.log(`  + ${l}`);
  },

  // app-config.yaml: the catalog rules of docs/catalog-model.md, the example
  // catalog, and the scan schedule (community.scan) with a short first delay.
  configure(configPath, target) {
    const YAML = loadYaml();
    const doc = YAML.parseDocument(fs.readFileSync(configPath, 'utf8'));
    const kinds = [
      'Component',
      'System',
      'Domain',
      'API',
      'Resource',
      'Location',
      'Group',
      'User',
      'Template',
      'Community',
      'Pattern',
    ];
    doc.setIn(['catalog', 'rules'], doc.createNode([{ allow: kinds }]));
    console.log(`  catalog.rules: allow ${kinds.join(', ')}`);
    const locations = doc.getIn(['catalog', 'locations']);
    const entry = doc.createNode({ type: 'file', target });
    if (locations && locations.items) locations.items.push(entry);
    else
      doc.setIn(
        ['catalog', 'locations'],
        doc.createNode([{ type: 'file', target }]),
      );
    console.log(`  catalog.locations: + { type: file, target: ${target} }`);
    doc.set(
      'community',
      doc.createNode({
        scan: {
          schedule: {
            frequency: { minutes: 30 },
            timeout: { minutes: 10 },
            initialDelay: { seconds: 5 },
          },
        },
      }),
    );
    console.log(
      '  community.scan.schedule: every 30 minutes, first run 5 s after start',
    );
    fs.writeFileSync(configPath, doc.toString(YAML_OPTS));
  },

  // README of @copkit/plugin-community: with `app.packages: all` the yarn add
  // is the whole step; otherwise the plugin goes into createApp's features.
  'app-feature'(configPath, appPath) {
    const YAML = loadYaml();
    const config = YAML.parse(fs.readFileSync(configPath, 'utf8')) ?? {};
    if (config.app?.packages === 'all') {
      console.log(
        '  app.packages is "all": the plugin is discovered from packages/app/package.json, nothing to edit',
      );
      return;
    }
    let src = fs.readFileSync(appPath, 'utf8');
    const feat = /features:\s*\[/.exec(src);
    if (!feat)
      fail(
        `${appPath}: no createApp({ features: [...] }) to add the plugin to`,
      );
    src = `import communityPlugin from '@copkit/plugin-community/alpha';\n${src}`;
    src = src.replace(/features:\s*\[/, m => `${m}communityPlugin, `);
    fs.writeFileSync(appPath, src);
    console.log(
      '  app.packages is not "all": added communityPlugin from \'@copkit/plugin-community/alpha\' to features',
    );
  },

  // A packed tarball must be installable as is: no workspace: ranges, and every
  // file its manifest points at is in it.
  'check-tarball'(tgz) {
    const list = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(f => f.replace(/^package\//, ''));
    const files = new Set(list);
    const pkg = JSON.parse(
      execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    const problems = [];
    const warnings = [];
    for (const field of [
      'dependencies',
      'peerDependencies',
      'optionalDependencies',
    ]) {
      for (const [name, range] of Object.entries(pkg[field] ?? {})) {
        if (/^(workspace|link|portal|file):/.test(range))
          problems.push(`${field}.${name} is "${range}"`);
      }
    }
    const targets = [];
    const walk = (v, where) => {
      if (typeof v === 'string') targets.push([where, v]);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
    };
    for (const f of ['main', 'module', 'types', 'configSchema'])
      if (pkg[f]) walk(pkg[f], f);
    walk(pkg.exports ?? {}, 'exports');
    for (const [k, v] of Object.entries(pkg.typesVersions?.['*'] ?? {}))
      walk(v, `typesVersions.${k}`);
    for (const [where, rel] of targets) {
      if (where.endsWith('.backstage')) continue; // feature type, not a file
      const file = rel.replace(/^\.\//, '');
      if (!files.has(file))
        problems.push(`${where} points at ${rel}, which is not in the tarball`);
    }
    if (pkg.main && /^src\//.test(pkg.main))
      problems.push(
        `main is still ${pkg.main} (prepack did not apply publishConfig)`,
      );
    if (!files.has('README.md')) warnings.push('no README.md in the tarball');
    if (files.has('package.json-prepack'))
      problems.push('package.json-prepack is in the tarball');
    const sizeKb = Math.round(fs.statSync(tgz).size / 1024);
    console.log(
      `  ${path.basename(tgz)}: ${files.size} files, ${sizeKb} KiB, main ${
        pkg.main
      }`,
    );
    for (const w of warnings) console.log(`    warning: ${w}`);
    for (const p of problems) console.log(`    PROBLEM: ${p}`);
    if (problems.length) process.exit(1);
  },

  // Every @backstage/* package in the lockfile with the versions installed.
  versions(lockPath, outPath) {
    const lock = fs.readFileSync(lockPath, 'utf8');
    const versions = {};
    const re = /^ {2}resolution: "(@backstage\/[^@"]+)@npm:([^"]+)"$/gm;
    let m;
    while ((m = re.exec(lock))) {
      (versions[m[1]] = versions[m[1]] ?? new Set()).add(m[2]);
    }
    const out = {};
    for (const name of Object.keys(versions).sort())
      out[name] = [...versions[name]].sort();
    writeJson(outPath, out);
    const multi = Object.entries(out).filter(([, v]) => v.length > 1);
    console.log(
      `  ${Object.keys(out).length} @backstage packages, ${
        multi.length
      } in more than one version` +
        (multi.length
          ? `: ${multi.map(([n, v]) => `${n} (${v.join(', ')})`).join('; ')}`
          : ''),
    );
  },

  // A package counts as duplicated because of copkit when it is installed in
  // more than one version with copkit, and either was in one version before
  // copkit was added or copkit brought in a version it did not have.
  'compare-duplicates'(beforePath, afterPath) {
    const before = readJson(beforePath);
    const after = readJson(afterPath);
    const multi = o => Object.keys(o).filter(n => o[n].length > 1);
    const dupBefore = multi(before);
    const dupAfter = multi(after);
    const byCopkit = dupAfter.filter(
      n =>
        !dupBefore.includes(n) ||
        after[n].some(v => !(before[n] ?? []).includes(v)),
    );
    const fmt = names =>
      names.length
        ? names
            .map(
              n =>
                `${n} (${
                  after[n] ? after[n].join(', ') : before[n].join(', ')
                })`,
            )
            .join('; ')
        : 'none';
    console.log(
      `  @backstage packages in more than one version before copkit: ${
        dupBefore.length
      }: ${
        dupBefore.length
          ? dupBefore.map(n => `${n} (${before[n].join(', ')})`).join('; ')
          : 'none'
      }`,
    );
    console.log(
      `  @backstage packages in more than one version with copkit:   ${
        dupAfter.length
      }: ${fmt(dupAfter)}`,
    );
    console.log(
      `  duplicated because of copkit: ${byCopkit.length}: ${fmt(byCopkit)}`,
    );
    const added = Object.keys(after).filter(n => !before[n]);
    if (added.length)
      console.log(
        `  @backstage packages that only copkit brings in: ${added.join(', ')}`,
      );
    if (byCopkit.length) process.exit(1);
  },

  'free-port'() {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => console.log(port));
    });
  },

  token(file) {
    const body = readJson(file);
    const token = body?.backstageIdentity?.token;
    if (!token)
      fail(
        `no backstageIdentity.token in ${fs
          .readFileSync(file, 'utf8')
          .slice(0, 300)}`,
      );
    console.log(token);
  },

  'count-items'(file) {
    const body = readJson(file);
    const items = body.items ?? body;
    if (!Array.isArray(items))
      fail(`unexpected response ${JSON.stringify(body).slice(0, 300)}`);
    console.log(
      `${items.length} ${items
        .map(
          e =>
            `${e.kind}:${e.metadata?.namespace ?? 'default'}/${
              e.metadata?.name
            }`,
        )
        .join(' ')}`,
    );
  },

  'check-validation'(file, expected) {
    const text = fs.readFileSync(file, 'utf8');
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      fail(`response is not JSON: ${text.slice(0, 300)}`);
    }
    const messages = [];
    const collect = e => {
      if (!e || typeof e !== 'object') return;
      if (typeof e.message === 'string') messages.push(e.message);
      collect(e.cause);
    };
    for (const e of body.errors ?? []) collect(e);
    if (body.error) collect(body.error);
    const found = messages.some(
      m => m.split('\n').includes(expected) || m.includes(expected),
    );
    if (!found) {
      fail(
        `expected message not in the response.\n  expected: ${expected}\n  got: ${
          messages.join('\n       ') || text.slice(0, 500)
        }`,
      );
    }
    console.log(`  rejected with: ${expected}`);
  },
};

const [cmd, ...args] = process.argv.slice(2);
if (!commands[cmd])
  fail(`unknown command ${cmd}; one of ${Object.keys(commands).join(', ')}`);
commands[cmd](...args);

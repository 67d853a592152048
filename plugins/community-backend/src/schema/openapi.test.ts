import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi/generated/router';

const SOURCE = path.resolve(__dirname, 'openapi.yaml');

describe('openapi.yaml', () => {
  const document = parse(fs.readFileSync(SOURCE, 'utf8'));

  // `node scripts/generate-openapi.js` writes the generated router; this
  // fails when someone edits the document and forgets to run it.
  it('is what the generated router validates against', () => {
    expect(spec).toEqual(document);
  });

  it('documents every operation with its error answers', () => {
    for (const [route, methods] of Object.entries<Record<string, any>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries<any>(methods)) {
        const codes = Object.keys(operation.responses);
        expect({ route, method, has401: codes.includes('401') }).toEqual({
          route,
          method,
          has401: true,
        });
        expect(codes).toContain('403');
      }
    }
  });
});

// The API's OpenAPI document, generated from the app in-process (nothing is started or listened
// on), and what is derived from it:
//   write  regenerate the client's types, src/client/openapi.ts (commit the result)
//   check  fail when src/client/openapi.ts is not what the routes generate (CI)
//   lint   Redocly's recommended rules on the document; any error or warning fails
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { createApp } from '../src/http/app.js';
import { createJobdeck } from '../src/service/jobdeck.js';

const TYPES_FILE = 'src/client/openapi.ts';
const HEADER = `// Generated from the API's OpenAPI document by \`npm run openapi:types\`: do not edit.
// CI fails when the routes' schemas and this file differ.
`;

async function openApiDocument(): Promise<Record<string, unknown>> {
  const deck = await createJobdeck({ database: 'sqlite::memory:' });
  try {
    const response = await createApp(deck, { adminUi: false }).request('http://localhost/api/openapi.json');
    return (await response.json()) as Record<string, unknown>;
  } finally {
    await deck.close();
  }
}

async function generatedTypes(document: Record<string, unknown>): Promise<string> {
  const source = HEADER + astToString(await openapiTS(document as never));
  const options = await prettier.resolveConfig(TYPES_FILE);
  return prettier.format(source, { ...options, filepath: TYPES_FILE });
}

async function lint(document: Record<string, unknown>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobdeck-openapi-'));
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document, null, 2));
  try {
    const redocly = path.resolve('node_modules/@redocly/cli/bin/cli.js');
    // Exits non-zero on errors only; warnings are counted from the JSON report below.
    const args = [redocly, 'lint', file, '--config', 'redocly.yaml'];
    let report: string;
    try {
      report = execFileSync(process.execPath, [...args, '--format=json'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      report = (error as { stdout: string }).stdout;
    }
    const totals = (JSON.parse(report) as { totals: { errors: number; warnings: number } }).totals;
    if (totals.errors + totals.warnings > 0) {
      try {
        execFileSync(process.execPath, args, { stdio: 'inherit' }); // the readable report
      } catch {
        // already failing below
      }
      throw new Error(`redocly lint: ${totals.errors} errors, ${totals.warnings} warnings`);
    }
    console.warn(
      `redocly lint (recommended): ${Object.keys(document.paths as object).length} paths, 0 errors, 0 warnings`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const command = process.argv[2];
const document = await openApiDocument();
if (command === 'write') {
  fs.writeFileSync(TYPES_FILE, await generatedTypes(document));
} else if (command === 'check') {
  const current = fs.existsSync(TYPES_FILE) ? fs.readFileSync(TYPES_FILE, 'utf8') : '';
  if (current !== (await generatedTypes(document))) {
    console.error(`${TYPES_FILE} is out of date with the routes: run \`npm run openapi:types\` and commit it.`);
    process.exit(1);
  }
} else if (command === 'lint') {
  await lint(document);
} else {
  console.error('usage: node --import tsx scripts/openapi.ts write|check|lint');
  process.exit(2);
}

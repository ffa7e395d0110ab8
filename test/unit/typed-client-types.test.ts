import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const script = path.resolve('examples/client.ts');

describe('jobdeck/client (the typed client users import)', () => {
  it("type-checks a user's script against the package's exports", { timeout: 90_000 }, () => {
    const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, ts.sys as never)!;
    const program = ts.createProgram([script], config.options);
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
    // Through the package's `exports` (dist), as a user's project resolves it, not through src/.
    const resolved = ts.resolveModuleName('jobdeck/client', script, config.options, ts.sys).resolvedModule;
    expect(resolved?.resolvedFileName).toBe(path.resolve('dist/client/index.d.ts'));
  });
});

import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ValidationError } from '../domain/errors.js';
import { PASSWORD_MAX } from '../domain/user.js';

/** Reads a password: asked twice without echo on a terminal, else the first line of stdin (scripts, CI). */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine(await readStdin());
  const first = await ask('New password: ');
  const again = await ask('Repeat it: ');
  if (first !== again) throw new ValidationError('The two passwords differ; nothing was changed.');
  return first;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    // A password is one short line: stop reading a piped file early.
    if (size > PASSWORD_MAX * 4 + 2) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

function ask(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  // Typed characters go to a sink: the password is not shown.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: sink, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

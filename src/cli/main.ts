import { holdNewSpace } from './start-up-heap.js';

// Before any other module loads: what start-up allocates is mostly kept (modules, schemas), and
// V8 would otherwise grow its new space to 2 × 16 MiB for it and keep that while idle.
holdNewSpace();

// `jobdeck audit | head` closes stdout before the output ends: the reader is done, which is no
// error; without this handler every command would crash there with an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { buildProgram } = await import('./program.js');
await buildProgram().parseAsync(process.argv);

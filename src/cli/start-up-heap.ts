import v8 from 'node:v8';

/**
 * V8's new space during the CLI's start-up.
 *
 * Loading the modules and opening the store allocate objects that mostly live on (module code,
 * schemas, prepared statements). V8 reads that high survival rate as "the new space is too small"
 * and doubles it at each scavenge, to 2 × 16 MiB by the end of `jobdeck start`. An idle process
 * then runs no GC that would shrink it back until V8's memory reducer gets to it — 8 s to 100 s
 * after the first full GC, when the allocation rate happens to be low at its check — so idle RSS
 * was 73–77 MiB or 90–97 MiB depending on that timing (docs/performance.md, "Idle memory (wave 2
 * session 5)").
 *
 * While held, the new space does not grow (growth factor 1: it stays at its initial 2 × 1 MiB);
 * start-up's survivors go to old space at once, which is where they would end anyway. Released
 * once the services run, so a drain grows the new space as before. The growth factor is read by
 * V8 at each growth, so setting it at run time takes effect (Node ≥ 20); where it would not, this
 * changes nothing. Not touched when the user set it (`node --semi-space-growth-factor`, NODE_OPTIONS).
 */
const FLAG = '--semi-space-growth-factor';
const V8_DEFAULT = 2;

const setByUser = () =>
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /semi[-_]space[-_]growth[-_]factor/.test(arg));

let held = false;

/** Keeps the new space at its initial size until `releaseNewSpace()`. */
export function holdNewSpace(): void {
  if (held || setByUser()) return;
  v8.setFlagsFromString(`${FLAG}=1`);
  held = true;
}

/** Lets the new space grow again as V8 sees fit (its default factor). */
export function releaseNewSpace(): void {
  if (!held) return;
  v8.setFlagsFromString(`${FLAG}=${V8_DEFAULT}`);
  held = false;
}

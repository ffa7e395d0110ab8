import { describe, expect, it } from 'vitest';
import { ensureChromium, type ChromiumDeps } from '../browser/support/chromium.js';

function fakeDeps(files: string[], isRoot: boolean): ChromiumDeps & { ran: string[]; said: string[] } {
  const present = new Set(files);
  const ran: string[] = [];
  const said: string[] = [];
  return {
    ran,
    said,
    isRoot,
    exists: (file) => present.has(file),
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (args.includes('chromium')) present.add('/usr/bin/chromium');
    },
    say: (message) => said.push(message),
  };
}

describe('finding Chromium for the browser tests', () => {
  it("uses Debian's chromium, or JOBDECK_CHROMIUM when set", () => {
    expect(ensureChromium({}, fakeDeps(['/usr/bin/chromium'], false))).toBe('/usr/bin/chromium');
    expect(ensureChromium({ JOBDECK_CHROMIUM: '/opt/c' }, fakeDeps(['/opt/c'], false))).toBe('/opt/c');
    expect(() => ensureChromium({ JOBDECK_CHROMIUM: '/opt/c' }, fakeDeps([], false))).toThrow(/no such file/);
  });

  it("installs Debian's package with apt-get when root, saying so", () => {
    const deps = fakeDeps(['/usr/bin/apt-get'], true);
    expect(ensureChromium({}, deps)).toBe('/usr/bin/chromium');
    expect(deps.ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
    expect(deps.said[0]).toMatch(/Chromium is not installed .* installing Debian's package/);
  });

  it('otherwise fails with what to do', () => {
    const deps = fakeDeps(['/usr/bin/apt-get'], false);
    expect(() => ensureChromium({}, deps)).toThrow(/need Chromium.*sudo apt-get install chromium.*JOBDECK_CHROMIUM/);
    expect(deps.ran).toEqual([]);
  });
});

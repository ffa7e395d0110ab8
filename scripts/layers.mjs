/**
 * The layers of shared/DESIGN.md, each allowed to import only from the layers above it. Lint turns
 * this table into `import-x/no-restricted-paths` zones, so a layer violation fails `npm run lint`
 * (test/unit/lint-rules.test.ts proves it does).
 */
export const layers = [
  { name: 'domain', path: './src/domain' },
  { name: 'storage', path: './src/storage' },
  // Built-in tasks are task code like a host's: domain types and, for maintenance, the store.
  { name: 'tasks', path: './src/tasks' },
  { name: 'engine', path: './src/engine' },
  { name: 'service', path: './src/service' },
  { name: 'http', path: './src/http' },
  { name: 'cli', path: './src/cli' },
];

export const layerZones = [
  ...layers.slice(0, -1).map((layer, index) => ({
    target: layer.path,
    from: layers.slice(index + 1).map((below) => below.path),
    message: `${layer.name} may import only from the layers above it (shared/DESIGN.md).`,
  })),
  {
    // The admin talks only to the HTTP API: it may reuse pure domain code, the wire types and the
    // generated API client types (src/client).
    target: './ui/src',
    from: './src',
    except: ['./domain', './client', './service/wire.ts', './service/access-wire.ts', './http/errors.ts'],
    message: 'ui/ talks only to the HTTP API: import wire types and pure domain code, nothing else.',
  },
];

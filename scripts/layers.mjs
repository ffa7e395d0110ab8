/**
 * The layers of docs/architecture.md, each allowed to import only from the layers above it. Lint
 * turns this table into `import-x/no-restricted-paths` zones, so a layer violation fails
 * `npm run lint` (test/unit/lint-rules.test.ts proves it does).
 */
export const layers = [
  { name: 'domain', path: './src/domain' },
  { name: 'storage', path: './src/storage' },
  // Built-in tasks are task code like a host's: domain types and, for maintenance, the store.
  { name: 'tasks', path: './src/tasks' },
  { name: 'engine', path: './src/engine' },
  // Application services, with the wire format they answer in, the notification sending loop and
  // metrics/logging: one layer, several folders so each says what it holds.
  {
    name: 'service',
    paths: ['./src/service', './src/wire', './src/notifications', './src/observability'],
  },
  // defineConfig and the config file loader: read by the HTTP server's host and the CLI.
  { name: 'config', path: './src/config' },
  { name: 'http', path: './src/http' },
  { name: 'cli', path: './src/cli' },
];

const pathsOf = (layer) => layer.paths ?? [layer.path];

export const layerZones = [
  ...layers.slice(0, -1).flatMap((layer, index) =>
    pathsOf(layer).map((target) => ({
      target,
      from: layers.slice(index + 1).flatMap(pathsOf),
      message: `${layer.name} may import only from the layers above it (docs/architecture.md, "The layers").`,
    })),
  ),
  {
    // The admin talks only to the HTTP API: it may reuse pure domain code, the wire types and the
    // generated API client types (src/client).
    target: './ui/src',
    from: './src',
    except: ['./domain', './client', './wire', './http/errors.ts'],
    message: 'ui/ talks only to the HTTP API: import wire types and pure domain code, nothing else.',
  },
];

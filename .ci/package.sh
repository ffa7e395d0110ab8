#!/usr/bin/env bash
# The package as users get it: build, lint the package (publint, arethetypeswrong), pack it,
# install the tarball into an empty app (npm's cache first: offline-friendly) and there run the
# README's library example (type-checked without skipLibCheck), `require('jobdeck')` and
# `npx jobdeck --help`; without better-sqlite3, SQLite must fail with a clear message.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
[ -n "${JOBDECK_KEEP_PACKAGE_TEST:-}" ] || trap 'rm -rf "$work"' EXIT

npm run build >/dev/null
npm run build:ui >/dev/null
npx publint --strict
# ESM only: CommonJS hosts load it with require(esm) (Node 20.19+), which attw does not model.
npx attw --pack . --profile esm-only

tarball="$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)"
echo "packed: $tarball ($(du -k "$work/$tarball" | cut -f1) KB, $(tar -tzf "$work/$tarball" | wc -l) files)"
if tar -tzf "$work/$tarball" | grep -Ev '^package/(dist/|ui/dist/|bin/|README\.md$|LICENSE$|package\.json$|ui/README\.md$)'; then
  echo "the tarball holds files beyond dist, ui/dist, bin, README, LICENSE (above)" >&2
  exit 1
fi
if tar -tzf "$work/$tarball" | grep -E '^package/(src|test|bench)/'; then exit 1; fi

app="$work/app"
mkdir "$app"
cd "$app"
printf '{ "name": "host-app", "private": true, "type": "module" }\n' >package.json
# Without install scripts: better-sqlite3 would compile from source here (its prebuilt binaries
# come from GitHub, unreachable in CI), minutes on a small machine. The checkout's own build of
# it (same version, same Node, made by npm ci) is copied in instead.
install() { npm install --prefer-offline --no-audit --no-fund --ignore-scripts --loglevel=error "$@"; }
install "$work/$tarball"
if [ "$(node -p 'require("better-sqlite3/package.json").version')" != \
  "$(cd "$root" && node -p 'require("better-sqlite3/package.json").version')" ]; then
  echo "better-sqlite3 differs from the checkout's: cannot re-use its native build" >&2
  exit 1
fi
mkdir -p node_modules/better-sqlite3/build/Release
cp "$root/node_modules/better-sqlite3/build/Release/better_sqlite3.node" node_modules/better-sqlite3/build/Release/
echo "installed: $(du -sk node_modules | cut -f1) KB in $(npm ls --all --parseable | tail -n +2 | sort -u | wc -l) packages"

# The README's library example, compiled by tsc (strict, no skipLibCheck) and run by node.
node -e '
  const readme = require("fs").readFileSync(process.argv[1], "utf8");
  const section = readme.slice(readme.indexOf("## Using it as a library"));
  process.stdout.write(/```ts\n([\s\S]*?)```/.exec(section)[1]);
' "$root/README.md" >example.ts
install typescript@5.9 @types/node@20
cat >tsconfig.json <<'JSON'
{ "compilerOptions": { "module": "NodeNext", "target": "ES2023", "strict": true, "skipLibCheck": false,
  "types": ["node"], "outDir": "out" }, "files": ["example.ts"] }
JSON
npx tsc -p .
node out/example.js | tee example.out
grep -q SUCCESS example.out

node --input-type=commonjs -e '
  const jobdeck = require("jobdeck");
  if (typeof jobdeck.createJobdeck !== "function") throw new Error("require(\"jobdeck\") has no createJobdeck");
  console.log("require(\"jobdeck\"): ok");
'
npx jobdeck --help >/dev/null && echo "npx jobdeck --help: ok"

rm -rf node_modules/better-sqlite3
if node --input-type=module -e 'import { createJobdeck } from "jobdeck"; await createJobdeck({ database: "sqlite::memory:" });' 2>err.txt; then
  echo "SQLite opened without better-sqlite3?" >&2
  exit 1
fi
grep -q 'npm install better-sqlite3' err.txt && echo "without better-sqlite3: clear error"

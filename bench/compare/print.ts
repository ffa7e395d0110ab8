// Prints the tables of a saved comparison: `node --import tsx bench/compare/print.ts <results.json>`.
import fs from 'node:fs';
import { figuresTable, graphileRatio, latencyTable, ratioTable, type EntryResult } from './report.js';

const file = process.argv[2];
if (!file) throw new Error('usage: print.ts bench/results/compare-<time>.json');
const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { sizes: number[]; results: EntryResult[] };
console.log(figuresTable(saved.results, saved.sizes));
console.log(`\n${latencyTable(saved.results)}`);
console.log(`\n${ratioTable(saved.results, saved.sizes)}`);
const ratio = graphileRatio(saved.results, saved.sizes[0]!);
console.log(`\njobdeck/graphile-worker throughput ratio: ${ratio === undefined ? 'n/a' : ratio.toFixed(2)}`);

#!/usr/bin/env node
// Jobdeck runs from its TypeScript sources (and loads TypeScript config files) through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

#!/usr/bin/env node
// The `onestop` command: runs the TypeScript CLI through tsx's loader (no separate build step).
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');

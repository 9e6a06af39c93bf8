// Builds the web app when it has not been built yet (first `npm start` after `npm ci`).
import fs from 'node:fs';
import { execSync } from 'node:child_process';

if (!fs.existsSync(new URL('../web/dist/index.html', import.meta.url))) {
  console.log('Building the web app (first start) …');
  execSync('npx vite build --config web/vite.config.ts', { stdio: 'inherit' });
}

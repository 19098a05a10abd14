// A bench-only build of this package whose Mazrica profile allows a million requests per second,
// for measuring the per-item CPU cost of the node without its pacing (scenario 3) against a
// simulator with no limiter. It is made here, from the built dist/, in a scratch folder outside
// the project (lint would read its .d.ts files inside): nothing in nodes/ knows of it, and no
// setting of the node or credential reaches it.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { scratchDir } = require('../../scripts/n8n/n8n.js');

const LIMIT = /ratePerSecond: 3, burst: 100,/;

/** The package root of the build (package.json + dist/), ready for `npm pack`. */
export function unthrottledBuild(root) {
	const dir = scratchDir('bench-unthrottled');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	cpSync(join(root, 'package.json'), join(dir, 'package.json'));
	cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
	const profile = join(dir, 'dist/nodes/Mazrica/transport/profile.js');
	const text = readFileSync(profile, 'utf8');
	if (!LIMIT.test(text)) throw new Error(`${profile} no longer holds "${LIMIT.source}": update bench/lib/unthrottled-build.mjs`);
	writeFileSync(profile, text.replace(LIMIT, 'ratePerSecond: 1e6, burst: 1e6,'));
	return dir;
}

'use strict';
// What the demo (`npm start`), the cluster (`npm run scale`) and the benchmarks run besides n8n:
// this package built (dist/), and the vendor simulators, which are TypeScript under test/,
// compiled to plain JavaScript in .cache/demo; plus the example workflows.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { root } = require('./n8n');

/**
 * Builds both (the package unless `packageBuilt`: dist/ is already this checkout's, as in a test
 * run after `npm run build`); returns `load('simulators/demo.js')`-style access to the compiled
 * test/ tree.
 */
function buildPackageAndSimulators({ packageBuilt = false } = {}) {
	const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
	if (!packageBuilt) run('npm', ['run', '--silent', 'build']);
	run(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'scripts/tsconfig.demo.json']);
	// test/platform/node.js is plain JavaScript (see its header); tsc only reads its .d.ts.
	fs.cpSync(path.join(root, 'test/platform/node.js'), path.join(root, '.cache/demo/test/platform/node.js'));
	return (relative) => require(path.join(root, '.cache/demo/test', relative));
}

/** Every workflow in examples/, with `replacements` applied to its text (e.g. the sink's URL). */
function readExamples(replacements = {}) {
	return fs
		.readdirSync(path.join(root, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			let text = fs.readFileSync(path.join(root, 'examples', file), 'utf8');
			for (const [from, to] of Object.entries(replacements)) text = text.split(from).join(to);
			return JSON.parse(text);
		});
}

module.exports = { buildPackageAndSimulators, readExamples };

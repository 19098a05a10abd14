// `npm start`: builds the package, starts every vendor simulator with demo data on loopback and
// prints how to reach it. Ctrl-C stops everything this script started.
// (The real-n8n part of the demo is added by the e2e work: see README "Status".)
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run('npm', ['run', '--silent', 'build']);
run(join(root, 'node_modules/.bin/tsc'), ['-p', 'scripts/tsconfig.demo.json']);
// test/platform/node.js is plain JavaScript (see its header); tsc only reads its .d.ts.
cpSync(join(root, 'test/platform/node.js'), join(root, '.cache/demo/test/platform/node.js'));

const { startDemoSimulators } = require(join(root, '.cache/demo/test/simulators/demo.js'));
const services = await startDemoSimulators();

console.log('\nLocal vendor simulators (demo data, loopback only):\n');
for (const { vendor, simulator, credential } of services) {
	console.log(`  ${vendor.padEnd(10)} ${simulator.url}`);
	console.log(`             credential "${credential.type}": ${JSON.stringify(credential.data)}`);
	console.log(`             admin: ${simulator.url}/__admin/requests (request log), /__admin/faults, /__admin/reset`);
}
console.log('\nThe built package is in dist/. Press Ctrl-C to stop.\n');

const stop = async () => {
	await Promise.all(services.map(({ simulator }) => simulator.stop()));
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

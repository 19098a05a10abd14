// `npm start` (after scripts/bootstrap.js has installed the dependencies and provisioned Node 24
// and n8n@2.40.7 into .tools/): the whole demo on one machine, offline apart from the npm registry.
//  1. builds this package,
//  2. starts every vendor simulator with demo data and a webhook sink,
//  3. starts n8n on SQLite with the package installed from its npm tarball, creates the owner,
//     imports credentials pointing at the simulators and the example workflows (scripts/n8n/demo.js),
//     and prints the URL and login. Ctrl-C stops everything.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const { OWNER, scratchDir } = require('./n8n/n8n.js');
const { startDemoN8n } = require('./n8n/demo.js');

run('npm', ['run', '--silent', 'build']);
run(join(root, 'node_modules/.bin/tsc'), ['-p', 'scripts/tsconfig.demo.json']);
// test/platform/node.js is plain JavaScript (see its header); tsc only reads its .d.ts.
cpSync(join(root, 'test/platform/node.js'), join(root, '.cache/demo/test/platform/node.js'));

const port = Number(process.env.N8N_DEMO_PORT || 5678);
const url = `http://127.0.0.1:${port}`;
const { startDemoSimulators, DEMO_PORTS } = require(join(root, '.cache/demo/test/simulators/demo.js'));
const services = await startDemoSimulators(DEMO_PORTS, [`${url}/rest/oauth2-credential/callback`]);

const { n8n, examples } = await startDemoN8n({
	userFolder: scratchDir('demo'),
	port,
	brokerPort: port + 1,
	credentials: services.credentials,
});

console.log('\nn8n with n8n-nodes-japan-saas is running:\n');
console.log(`  ${n8n.url}    login: ${OWNER.email} / ${OWNER.password}`);
console.log(`  ${examples.length} example workflows imported (Overview → Workflows); credentials point at the simulators.`);
console.log(`  n8n's data and log: ${n8n.userFolder}\n`);
console.log('Local vendor simulators (demo data, loopback only):');
for (const { label, simulator } of services.all) {
	console.log(`  ${simulator.url}  ${label}   (request log: ${simulator.url}/__admin/requests)`);
}
console.log('\nPress Ctrl-C to stop n8n and the simulators.\n');

const stop = async () => {
	await n8n.stop();
	await Promise.all(services.all.map(({ simulator }) => simulator.stop()));
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

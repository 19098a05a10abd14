// `npm start`: the whole demo on one machine, offline apart from the npm registry.
//  1. provisions Node 24 and n8n@2.40.7 into .tools/ (first run only),
//  2. builds this package and installs its npm tarball into the demo n8n's user folder, as a
//     community package,
//  3. starts every vendor simulator with demo data and a webhook sink,
//  4. starts n8n on SQLite, creates the owner, imports credentials pointing at the simulators and
//     the example workflows, and prints the URL and login. Ctrl-C stops everything.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { provision, packPackage, N8nServer, OWNER } = require('./n8n/n8n.js');
const { buildPackageAndSimulators, readExamples } = require('./n8n/demo-build.js');

provision();
const compiled = buildPackageAndSimulators();

const port = Number(process.env.N8N_DEMO_PORT || 5678);
const { startDemoSimulators, DEMO_PORTS } = compiled('simulators/demo.js');
const services = await startDemoSimulators(DEMO_PORTS, [
	`http://127.0.0.1:${port}/rest/oauth2-credential/callback`,
	`http://localhost:${port}/rest/oauth2-credential/callback`,
]);

const n8n = new N8nServer({ userFolder: join(root, '.cache', 'n8n-demo'), port, brokerPort: port + 1 });
n8n.installPackage(packPackage(join(root, '.cache', 'pack')));
await n8n.start();
await n8n.importCredentials(services.credentials);
const examples = readExamples();
await n8n.importWorkflows(examples);

console.log('\nn8n with n8n-nodes-japan-saas is running:\n');
console.log(`  ${n8n.url}    login: ${OWNER.email} / ${OWNER.password}`);
console.log(`  ${examples.length} example workflows imported (Overview → Workflows); credentials point at the simulators.\n`);
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

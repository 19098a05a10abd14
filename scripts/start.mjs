// `npm start` (after scripts/bootstrap.js has installed the dependencies and provisioned Node 24
// and n8n@2.40.7 into .tools/): the whole demo on one machine, offline apart from the npm registry.
//  1. builds this package and compiles the simulators (scripts/n8n/demo-build.js),
//  2. starts every vendor simulator with demo data and a webhook sink,
//  3. starts n8n on SQLite with the package installed from its npm tarball, creates the owner,
//     imports credentials pointing at the simulators and the example workflows (scripts/n8n/demo.js),
//     and prints the URL and login. Ctrl-C stops everything.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { OWNER, scratchDir } = require('./n8n/n8n.js');
const { buildPackageAndSimulators } = require('./n8n/demo-build.js');
const { startDemoN8n } = require('./n8n/demo.js');

const compiled = buildPackageAndSimulators();

const port = Number(process.env.N8N_DEMO_PORT || 5678);
const url = `http://127.0.0.1:${port}`;
const { startDemoSimulators, DEMO_PORTS } = compiled('simulators/demo.js');
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

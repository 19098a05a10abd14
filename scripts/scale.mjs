// `npm run scale`: n8n in queue mode on one machine, offline apart from the npm registry and
// Debian's package mirror.
//  1. provisions Node 24 and n8n@2.40.7 into .tools/ (first run only), builds this package and the
//     vendor simulators,
//  2. installs Redis and PostgreSQL from Debian's packages when missing (as root) and starts both
//     on loopback as child processes (no systemd),
//  3. starts every vendor simulator with demo data and a webhook sink,
//  4. starts one n8n main and N8N_SCALE_WORKERS (default 2) `n8n worker`s on one encryption key,
//     each with this package installed from its npm tarball in its own user folder,
//  5. imports the simulator credentials, the example workflows and a webhook-started load
//     workflow (published), and prints what runs where. Ctrl-C stops everything.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { provision, OWNER, scratchDir } = require('./n8n/n8n.js');
const { N8nCluster } = require('./n8n/cluster.js');
const { buildPackageAndSimulators, readExamples } = require('./n8n/demo-build.js');
const { mazricaLoadWorkflow, MAZRICA_LOAD_PATH } = require('./n8n/workflows.js');

// Ports: the main on N8N_SCALE_PORT (default 5690, next to `npm start`'s 5678 without clashing),
// its task broker on the next one, then a health-check and a task-broker port per worker.
const base = Number(process.env.N8N_SCALE_PORT || 5690);
const workers = Number(process.env.N8N_SCALE_WORKERS || 2);
const cluster = new N8nCluster({
	dir: scratchDir('scale'),
	workers,
	ports: {
		main: base,
		mainBroker: base + 1,
		workers: Array.from({ length: workers }, (_, i) => ({ health: base + 2 + 2 * i, broker: base + 3 + 2 * i })),
	},
});

await provision();
const compiled = buildPackageAndSimulators();
const { startDemoSimulators, DEMO_PORTS } = compiled('simulators/demo.js');
const services = await startDemoSimulators({ mazrica: 0, yappli: 0, rodem: 0, sink: 0 }, [
	`http://127.0.0.1:${base}/rest/oauth2-credential/callback`,
	`http://localhost:${base}/rest/oauth2-credential/callback`,
]);

let stopping;
function shutdown(code) {
	stopping ??= (async () => {
		console.log('\nStopping n8n (main, then workers), Redis, PostgreSQL and the simulators…');
		await cluster.stop();
		await Promise.all(services.all.map(({ simulator }) => simulator.stop()));
		process.exit(code);
	})();
	return stopping;
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const load = mazricaLoadWorkflow();
try {
	await cluster.start({
		credentials: services.credentials,
		workflows: [...readExamples({ [`http://127.0.0.1:${DEMO_PORTS.sink}`]: services.sink.url }), load],
	});
	await cluster.activate(load.id);
} catch (error) {
	console.error(`\nThe cluster did not come up: ${error instanceof Error ? error.message : String(error)}`);
	await shutdown(1);
}

console.log(`\nn8n in queue mode with n8n-nodes-japan-saas is running (${workers} workers):\n`);
for (const { label, detail } of cluster.describe()) console.log(`  ${label.padEnd(14)} ${detail}`);
console.log(`\n  Editor: ${cluster.main.url}    login: ${OWNER.email} / ${OWNER.password}`);
console.log('  Example workflows and credentials pointing at the simulators are imported.');
console.log(`\nThe published load workflow "${load.name}" runs on the workers; start one with:\n`);
console.log(
	`  curl -X POST ${cluster.webhookUrl(MAZRICA_LOAD_PATH)} -H 'content-type: application/json' -d '{"run":"try","n":1,"read":200,"write":10}'`,
);
console.log('  (each worker logs "Worker started execution <id>"; bench/queue-load.mjs runs the full load test)');
console.log('\nLocal vendor simulators (demo data, loopback only):');
for (const { label, simulator } of services.all) {
	console.log(`  ${simulator.url}  ${label}   (request log: ${simulator.url}/__admin/requests)`);
}
console.log('\nPress Ctrl-C to stop everything.\n');

// Queue-mode load test: n8n 2.40.7 in queue mode (Redis, PostgreSQL, one main, 2 workers; see
// scripts/n8n/cluster.js) against the Mazrica or the cyzen simulator, all on one credential.
//
//   nice node bench/queue-load.mjs [--vendor=mazrica|cyzen] [--setting=per-process|adaptive|processes-field]
//        [--executions=20] [--read=2000] [--write=100] [--workers=2] [--concurrency=10]
//        [--revision=<commit>]   (install the package as built at that commit instead)
//        [--report-only]         (rewrite the day's .md from its .json, run nothing)
//
// cyzen (defaults --read=260 --write=10): each execution reads the reports of the last 7 days and
// `read` spots, then creates `write` spots one POST each, on one token at 5 req/s (the simulator's
// bucket: 5/s, burst 5, a throttled request answered 503 as cyzen does today); the credential may
// use all 5. Results go to bench/results/queue-cyzen-<date>.json and .md.
//
// Each execution is a published webhook workflow (the main enqueues, the workers run): it reads
// `read` customers (Customer → Get Many, pages of 100) and creates `write` customers through the
// bulk endpoint (Customer → Create, Use Bulk Endpoint). All `executions` requests are posted at
// once. Reported: requests per second at the simulator against the vendor's 3/s (burst 100), 429s,
// whether every execution succeeded, the simulator's ledger against the writes requested, and
// wall time. Results go to bench/results/queue-<date>.json (one entry per setting) and .md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { credentialDataFor } from './queue-settings.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { N8nCluster } = require('../scripts/n8n/cluster.js');
const { buildPackageAndSimulators } = require('../scripts/n8n/demo-build.js');
const { N8N_VERSION, provision, scratchDir } = require('../scripts/n8n/n8n.js');
const { sleep } = require('../scripts/n8n/processes.js');
const { CYZEN_LOAD_PATH, MAZRICA_LOAD_PATH, cyzenLoadWorkflow, loadNamePrefix, mazricaLoadWorkflow, postLoadRequests } = require('../scripts/n8n/workflows.js');

const args = Object.fromEntries(
	process.argv.slice(2).map((arg) => {
		const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
		return [key, value];
	}),
);
const settingName = args.setting ?? 'per-process';
const vendorName = args.vendor ?? 'mazrica';
const isCyzen = vendorName === 'cyzen';
if (!['mazrica', 'cyzen'].includes(vendorName)) throw new Error(`unknown vendor "${vendorName}"; one of: mazrica, cyzen`);
const EXECUTIONS = Number(args.executions ?? 20);
const READ = Number(args.read ?? (isCyzen ? 260 : 2000));
const WRITE = Number(args.write ?? (isCyzen ? 10 : 100));
const WORKERS = Number(args.workers ?? 2);
const CONCURRENCY = Number(args.concurrency ?? 10);
// The vendors' documented limits, as the simulators enforce them, and their throttle answer.
const VENDOR = isCyzen
	? { ratePerSecond: 5, burst: 5, throttleStatus: 503 }
	: { ratePerSecond: 3, burst: 100, throttleStatus: 429 };
/** The summary's and series' field for throttled requests (429 for Mazrica, 503 for cyzen). */
const REJECTED = `rejected${VENDOR.throttleStatus}`;
const RUN = `bench-${Date.now().toString(36)}`;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

// --report-only: rewrite the day's .md from its .json (after a change to the table), running nothing.
if (args['report-only']) {
	const { date, mdFile, all } = dayResults();
	writeFileSync(mdFile, markdown(all, date));
	log(`wrote ${mdFile}`);
	process.exit(0);
}

await provision();
const compiled = buildPackageAndSimulators();
const target = await startVendor();
const simulator = target.simulator;

const { data, setting, packageRoot } = credentialDataFor(settingName, target.credentialBase, {
	root,
	processes: WORKERS,
	revision: args.revision,
	log,
	vendor: vendorName,
});
if (packageRoot === root) setting.revision = checkoutRevision();
const cluster = new N8nCluster({ dir: scratchDir('bench-queue'), workers: WORKERS, concurrency: CONCURRENCY, packageRoot });
let stopping;
const shutdown = () => (stopping ??= Promise.all([cluster.stop(), simulator.stop()]));
process.on('SIGINT', () => void shutdown().then(() => process.exit(130)));

try {
	const { workflow } = target;
	await cluster.start({ credentials: [{ ...target.credential, data }], workflows: [workflow] });
	await cluster.activate(workflow.id);
	simulator.requests.length = 0;
	const loadAtStart = loadAverage();

	log(`${vendorName} ${settingName}: posting ${EXECUTIONS} executions (read ${READ}, write ${WRITE} each) to ${WORKERS} workers × ${CONCURRENCY}`);
	const postedAt = Date.now();
	const answers = await postLoadRequests(cluster.webhookUrl(target.path), { run: RUN, count: EXECUTIONS, read: READ, write: WRITE });
	if (answers.some((status) => status !== 200)) throw new Error(`webhook answers: ${answers.join(', ')}`);

	const runsOf = () =>
		Object.entries(cluster.executionsByWorker()).flatMap(([worker, runs]) =>
			runs.filter((run) => run.workflowId === workflow.id).map((run) => ({ worker, ...run })),
		);
	for (let last = ''; runsOf().filter((r) => r.finishedAt).length < EXECUTIONS; ) {
		const done = runsOf().filter((r) => r.finishedAt).length;
		const line = `${done}/${EXECUTIONS} finished, ${simulator.requests.length} requests, ${countThrottled(simulator.requests)} × ${VENDOR.throttleStatus}`;
		if (line !== last) log(`${Math.round((Date.now() - postedAt) / 1000)} s: ${line}`);
		last = line;
		if (Date.now() - postedAt > 20 * 60_000) throw new Error('not finished after 20 minutes');
		await sleep(2000);
	}
	const runs = runsOf();
	const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
	const executions = (await cluster.main.rest('GET', `/rest/executions?filter=${filter}&limit=${EXECUTIONS + 10}`)).results;
	const errors = {};
	for (const failed of executions.filter((e) => e.status !== 'success')) {
		const detail = await cluster.main.rest('GET', `/rest/executions/${failed.id}`);
		errors[failed.id] = executionError(detail.data);
	}
	const result = summarize({ runs, executions, errors, requests: [...simulator.requests], postedAt, names: target.writtenNames(), setting, loadAtStart });
	writeResults(settingName, result);
	log(`${settingName}: ${JSON.stringify(result.summary)}`);
} finally {
	await shutdown();
}

/** The simulator, the credential and the load workflow of the vendor under test. */
async function startVendor() {
	if (isCyzen) {
		const { CyzenSimulator } = compiled('simulators/cyzen/cyzen-simulator.js');
		// Enough spots that every execution reads `read` of them; 5 req/s, 503 when throttled.
		const cyzen = new CyzenSimulator({ seed: { spots: Math.max(READ, 1) }, switches: { throttleStatus: 503 } });
		await cyzen.start();
		return {
			simulator: cyzen,
			credentialBase: { baseUrl: cyzen.baseUrl, accessToken: cyzen.accessToken, companyId: cyzen.companyId, requestsPerSecond: VENDOR.ratePerSecond },
			credential: { id: 'jpSaasCyzen0001', type: 'cyzenApi', name: 'cyzen (local simulator)' },
			workflow: cyzenLoadWorkflow(),
			path: CYZEN_LOAD_PATH,
			// Applied writes only: a refused POST changes nothing and is not in the ledger.
			writtenNames: () =>
				cyzen.ledger
					.of({ path: '/spots', operation: 'create' })
					.map((entry) => String(entry.fields.spot_name ?? ''))
					.filter((name) => name.startsWith(`queue-load ${RUN} #`)),
		};
	}
	const { MazricaSimulator } = compiled('simulators/mazrica/mazrica-simulator.js');
	// Enough customers that every execution reads `read` of them; the vendor's own limits.
	const mazrica = new MazricaSimulator({ seed: { customers: READ } });
	await mazrica.start();
	return {
		simulator: mazrica,
		credentialBase: { apiKey: mazrica.apiKey, baseUrl: mazrica.baseUrl },
		credential: { id: 'jpSaasMazrica01', type: 'mazricaApi', name: 'Mazrica (local simulator)' },
		workflow: mazricaLoadWorkflow(),
		path: MAZRICA_LOAD_PATH,
		writtenNames: () => [...mazrica.store.customers.values()].map((c) => c.name).filter((name) => name.startsWith(`queue-load ${RUN} #`)),
	};
}

/**
 * `node: message` of a failed execution. n8n returns run data in its "flatted" form: one JSON array
 * whose first entry is the root object and in which every string value is the index of an entry.
 */
function executionError(flattedText) {
	const entries = JSON.parse(flattedText);
	const at = (object, key) => (object && typeof object[key] === 'string' ? entries[Number(object[key])] : undefined);
	const error = at(at(entries[0], 'resultData'), 'error');
	return `${at(at(error, 'node'), 'name') ?? '?'}: ${at(error, 'message') ?? 'no message'}`;
}

function countThrottled(requests) {
	return requests.filter((r) => r.status === VENDOR.throttleStatus).length;
}

/** This checkout's commit, marked when it has uncommitted changes. */
function checkoutRevision() {
	const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim();
	const dirty = execFileSync('git', ['status', '--porcelain', '--', 'nodes', 'credentials'], { cwd: root }).toString().trim() !== '';
	return dirty ? `${commit} with uncommitted changes` : commit;
}

function loadAverage() {
	return loadavg().map((l) => Math.round(l * 10) / 10);
}

function summarize({ runs, executions, errors, requests, postedAt, names, setting, loadAtStart }) {
	const finishedAt = Math.max(...runs.map((r) => r.finishedAt));
	const seconds = Math.ceil((finishedAt - postedAt) / 1000);
	const perSecond = Array.from({ length: seconds }, (_, s) => ({ second: s, sent: 0, accepted: 0, [REJECTED]: 0 }));
	for (const r of requests) {
		const slot = perSecond[Math.min(seconds - 1, Math.max(0, Math.floor((r.at - postedAt) / 1000)))];
		slot.sent += 1;
		if (r.status === VENDOR.throttleStatus) slot[REJECTED] += 1;
		else slot.accepted += 1;
	}
	const accepted = requests.filter((r) => r.status !== VENDOR.throttleStatus);
	const firstAt = Math.min(...requests.map((r) => r.at));
	const lastAt = Math.max(...requests.map((r) => r.at));
	const span = (lastAt - firstAt) / 1000;
	// What the vendor's refill allowed beyond its burst, used: 100 % = every token spent at once.
	const sustained = span > 0 ? Math.max(0, accepted.length - VENDOR.burst) / span : 0;

	const perExecution = Array.from({ length: EXECUTIONS }, (_, n) => names.filter((name) => name.startsWith(loadNamePrefix(RUN, n))).length);
	const statuses = executions.reduce((acc, e) => ({ ...acc, [e.status]: (acc[e.status] ?? 0) + 1 }), {});
	const byWorker = runs.reduce((acc, r) => ({ ...acc, [r.worker]: (acc[r.worker] ?? 0) + 1 }), {});
	const rejected = countThrottled(requests);
	const succeeded = statuses.success ?? 0;
	return {
		summary: {
			executions: EXECUTIONS,
			succeeded,
			requests: requests.length,
			accepted: accepted.length,
			[REJECTED]: rejected,
			absorbed: rejected === 0 || succeeded === EXECUTIONS,
			writesRequested: EXECUTIONS * WRITE,
			writesInLedger: names.length,
			duplicateWrites: names.length - new Set(names).size,
			wallSeconds: Math.round((finishedAt - postedAt) / 100) / 10,
			acceptedPerSecond: Math.round((accepted.length / Math.max(span, 1e-9)) * 100) / 100,
			sustainedPerSecond: Math.round(sustained * 100) / 100,
			sustainedOfVendorRate: `${Math.round((sustained / VENDOR.ratePerSecond) * 100)} %`,
			peakSentPerSecond: Math.max(...perSecond.map((s) => s.sent)),
			executionsByWorker: byWorker,
		},
		setting,
		parameters: { vendorName, executions: EXECUTIONS, read: READ, write: WRITE, workers: WORKERS, concurrency: CONCURRENCY, vendor: VENDOR, n8n: N8N_VERSION },
		// The machine is shared: a loaded one starts executions later, which shifts the series.
		loadAverageAtStart: loadAtStart,
		loadAverage: loadAverage(),
		statuses,
		errors,
		writesPerExecution: perExecution,
		runs: runs.map((r) => ({
			executionId: r.executionId,
			worker: r.worker,
			startedSecond: Math.round((r.startedAt - postedAt) / 100) / 10,
			finishedSecond: Math.round((r.finishedAt - postedAt) / 100) / 10,
			success: r.success,
		})),
		perSecond,
		measuredAt: new Date().toISOString(),
	};
}

function tenSecondRates(perSecond) {
	const rates = [];
	for (let s = 0; s < perSecond.length; s += 10) {
		const window = perSecond.slice(s, s + 10);
		rates.push((window.reduce((sum, w) => sum + w.accepted, 0) / window.length).toFixed(1));
	}
	return rates;
}

/** The day's results: every run of every setting (.json) and their table (.md). */
function dayResults() {
	const dir = join(root, 'bench', 'results');
	mkdirSync(dir, { recursive: true });
	const date = new Date().toISOString().slice(0, 10);
	const stem = isCyzen ? `queue-cyzen-${date}` : `queue-${date}`;
	const jsonFile = join(dir, `${stem}.json`);
	return {
		date,
		jsonFile,
		mdFile: join(dir, `${stem}.md`),
		all: existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : {},
	};
}

function writeResults(name, result) {
	const { date, jsonFile, mdFile, all } = dayResults();
	// Every run of the day is kept, per setting: on a shared machine one run is not the whole story.
	all[name] = [...(all[name] ?? []), result];
	writeFileSync(jsonFile, `${JSON.stringify(all, null, '\t')}\n`);
	writeFileSync(mdFile, markdown(all, date));
	log(`wrote ${jsonFile} and ${mdFile}`);
}

function markdown(all, date) {
	const runs = Object.entries(all).flatMap(([name, results]) => results.map((result, i) => ({ label: `${name} #${i + 1}`, ...result })));
	const rows = runs.map(({ label, summary: s, loadAverage: end, loadAverageAtStart: start }) =>
		[
			label,
			`${s.succeeded}/${s.executions}`,
			s.requests,
			s[REJECTED],
			s.absorbed ? 'yes' : 'no',
			`${s.writesInLedger}/${s.writesRequested}`,
			s.duplicateWrites,
			s.sustainedPerSecond,
			s.sustainedOfVendorRate,
			s.peakSentPerSecond,
			s.wallSeconds,
			`${start ? `${start[0]} → ` : ''}${end[0]}`,
		].join(' | '),
	);
	const any = runs[0].parameters;
	const status = VENDOR.throttleStatus;
	const load = isCyzen
		? `one cyzen credential (its rate field at ${any.vendor.ratePerSecond} req/s); ${any.executions} webhook executions posted at once, each reading the reports of the last 7 days and ${any.read} spots and creating ${any.write} spots (one POST each). ` +
			`Vendor limit (simulator): ${any.vendor.ratePerSecond} req/s per token, burst ${any.vendor.burst}, a throttled request answered ${status}. Produced by \`node bench/queue-load.mjs --vendor=cyzen --setting=<name>\``
		: `one Mazrica credential; ${any.executions} webhook executions posted at once, each reading ${any.read} customers and writing ${any.write} through the bulk endpoint. ` +
			`Vendor limit (simulator): ${any.vendor.ratePerSecond} req/s, burst ${any.vendor.burst}. Produced by \`node bench/queue-load.mjs --setting=<name>\``;
	return [
		`# Queue-mode load test${isCyzen ? ' on cyzen' : ''}, ${date}`,
		'',
		`n8n ${any.n8n} in queue mode, ${any.workers} workers × concurrency ${any.concurrency}, ${load}; per-second series in the .json.`,
		'',
		'The machine has 2 cores shared with other work; the load average is in the last column.',
		'',
		'"Sustained" is the rate of accepted requests beyond the vendor\'s burst over the time requests were sent: 100 % means every token the vendor refilled was used.',
		'',
		'Settings:',
		'',
		...Object.entries(all).map(([name, results]) => {
			// The description is the setting's; the build is each run's (a setting's runs may span commits).
			const { description } = results[results.length - 1].setting;
			const builds = results.map((r, i) => `#${i + 1} ${r.setting.revision ?? 'not recorded'}`).join(', ');
			return `- ${name}: ${description ?? ''} (package built from: ${builds})`;
		}),
		'',
		'Accepted requests per second, averaged over 10-second windows from the first POST:',
		'',
		...runs.map(({ label, perSecond }) => `- ${label}: ${tenSecondRates(perSecond).join(' ')}`),
		'',
		`| setting, run | executions succeeded | requests | ${status}s | ${status}s absorbed | ledger writes / requested | duplicates | sustained req/s | of ${any.vendor.ratePerSecond} req/s | peak sent in 1 s | wall s | load average (1 min), start → end |`,
		'|---|---|---|---|---|---|---|---|---|---|---|---|',
		...rows.map((row) => `| ${row} |`),
		'',
	].join('\n');
}

// `npm run bench`: the scenarios of issue 14 in the real n8n 2.40.7 of `npm start`, against the
// simulators, each next to n8n's HTTP Request node; writes bench/results/<date>.json, one SVG per
// scenario and bench/RESULTS.md. See bench/README.md.
//
//   nice npm run bench [-- --only=1,2] [-- --smoke --out=<dir>] [-- --prebuilt]
//
// `--only`: rerun those scenarios; the others keep the figures of the day's earlier run.
// `--prebuilt`: dist/ is already built from this checkout (test runs, after `npm run build`).
// `--smoke`: one tiny scenario (a Return All of 250 customers, ours and HTTP Request), written to
// `--out` instead of bench/; test/bench runs it so the runner cannot rot.
import { loadavg, cpus } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BenchN8n } from './lib/bench-n8n.mjs';
import { readEarlier, writeReport } from './lib/report.mjs';
import { cyzenBackfill, satoriBulkUpsert } from './lib/backfill-and-bulk.mjs';
import { bulkCreates, memory, perItemCpu, returnAll } from './lib/scenarios.mjs';
import { idleTargets, latencyTargets, triggers } from './lib/triggers.mjs';
import { unthrottledBuild } from './lib/unthrottled-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { buildPackageAndSimulators } = require('../scripts/n8n/demo-build.js');
const { N8N_VERSION, provision } = require('../scripts/n8n/n8n.js');

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')).map(([k, v = 'true']) => [k, v]));
const smoke = args.smoke === 'true';
const outDir = resolve(args.out ?? join(root, 'bench'));
const only = args.only ? new Set(args.only.split(',')) : undefined;
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Scenarios by n8n build: `checkout` (this package as built) or `unthrottled` (bench-only). */
const SCENARIOS = smoke
	? [{ id: 'S', build: 'checkout', title: 'Smoke: Mazrica Return All of 250 customers', run: (ctx) => returnAll(ctx, { customers: 250, tag: 'smoke', httpIntervals: [0] }) }]
	: [
			{ id: '1', build: 'checkout', title: 'Mazrica: 20,000 customers, Return All', run: (ctx) => returnAll(ctx, { customers: 20_000, tag: 's1' }) },
			{ id: '2', build: 'checkout', title: 'Mazrica: 5,000 customer creates, bulk vs per item', run: (ctx) => bulkCreates(ctx, { creates: 5000, httpCreates: 600, tag: 's2' }) },
			{ id: '3', build: 'unthrottled', title: 'Per-item CPU overhead, no rate limit (2,000 creates)', run: (ctx) => perItemCpu(ctx, { creates: 2000, tag: 's3' }) },
			{ id: '4', build: 'checkout', title: 'Idle poll cost of every trigger (and 5: latency), 1-minute poll', run: (ctx) => triggerScenarios(ctx) },
			{ id: '6a', build: 'checkout', title: 'Memory: Return All of 20,000 customers', run: (ctx) => memory(ctx, { customers: 20_000, tag: 's6a' }) },
			{ id: '6b', build: 'unthrottled', title: 'Memory: Return All of 100,000 customers (no rate limit)', run: (ctx) => memory(ctx, { customers: 100_000, tag: 's6b', rateLimit: false }) },
			{ id: '7a', build: 'checkout', title: 'cyzen: 60-day backfill of 10,000 reports', run: (ctx) => cyzenBackfill(ctx, { reports: 10_000, days: 60, tag: 's7a' }) },
			{ id: '7b', build: 'checkout', title: 'SATORI: 25,000-row customer upsert, bulk CSV vs per row', run: (ctx) => satoriBulkUpsert(ctx, { rows: 25_000, httpRows: 60, tag: 's7b' }) },
		];

await provision();
log('building the package and the simulators');
const compiled = buildPackageAndSimulators({ packageBuilt: args.prebuilt === 'true' });
const { MazricaSimulator } = compiled('simulators/mazrica/mazrica-simulator.js');
const results = {
	n8n: N8N_VERSION,
	smoke,
	measuredAt: new Date().toISOString(),
	machine: { cpus: cpus().length, loadAverageAtStart: loadAverage() },
	scenarios: [],
};
const selected = SCENARIOS.filter((s) => !only || only.has(s.id) || only.has(s.id.replace(/\D+$/, '')));
const runId = Date.now().toString(36);
const compiledPackage = (relative) => require(join(root, 'dist', relative));

/** 4 and 5 come from one run of every trigger: 5 is reported as a scenario of its own. */
async function triggerScenarios(ctx) {
	const { variants } = await triggers(ctx);
	const table = (columns, pick) => ({ columns, rows: variants.map(pick).filter(Boolean) });
	return {
		variants,
		targets: idleTargets(variants),
		table: table(['trigger', 'requests, first poll', 'requests, idle poll', 'per 1,000 members', 'idle poll requests'], (v) => [v.label, v.firstPollRequests, v.idlePollRequests ?? 'no idle poll seen', v.idlePollRequestsPer1000Members, v.idlePollPaths.join(', ')]),
		notes: ["Each trigger is published on n8n's 1-minute poll (`everyMinute`) with a key (Mazrica) or a simulator (Yappli, RODEM) of its own; the first poll runs at publication and sets the starting point, the second is the idle one. Yappli CRM has no changed-since filter, so its trigger scans every member each poll (reported per 1,000 members)."],
		also: [
			{
				id: '5',
				title: 'Trigger latency at a 1-minute poll',
				variants,
				targets: latencyTargets(variants),
				table: table(['trigger', 'change → execution, s'], (v) => v.latencySeconds !== undefined && [v.label, v.latencySeconds ?? 'no execution within 130 s']),
				notes: ['n8n\'s own 1-minute schedule, not a shortened poll. The record is changed in the simulator just after an idle poll, the worst case: the next poll is almost a whole interval away. Latency is from the change to the start of the execution n8n ran with the emitted item (its `startedAt`).'],
			},
		],
	};
}
let n8n;
let finished = false;
// Ctrl-C: what finished so far is still written, with the interruption said in the results.
process.on('SIGINT', () => {
	results.interrupted = `interrupted (SIGINT) at ${new Date().toISOString()}`;
	void (n8n?.stop() ?? Promise.resolve()).then(() => {
		finish();
		process.exit(130);
	});
});
try {
	for (const build of ['checkout', 'unthrottled']) {
		const scenarios = selected.filter((s) => s.build === build);
		if (!scenarios.length) continue;
		const packageRoot = build === 'checkout' ? root : unthrottledBuild(root);
		log(`starting n8n ${N8N_VERSION} with the ${build} build`);
		n8n = await BenchN8n.start({ packageRoot, label: build });
		try {
			for (const scenario of scenarios) {
				const index = selected.indexOf(scenario) + 1;
				log(`scenario ${scenario.id} (${index}/${selected.length}): ${scenario.title}, load ${loadAverage()[0]}`);
				const began = Date.now();
				const loadAtStart = loadAverage();
				let outcome;
				try {
					outcome = await scenario.run({ n8n, MazricaSimulator, compiled, compiledPackage, log, runId });
				} catch (error) {
					// One broken scenario must not cost the others their figures: it is reported as failed.
					log(`scenario ${scenario.id} FAILED: ${error.stack ?? error}`);
					outcome = { variants: [], targets: [], failed: String(error.message ?? error) };
				}
				const met = outcome.targets.filter((t) => t.met).length;
				log(`scenario ${scenario.id} done in ${Math.round((Date.now() - began) / 1000)} s: targets ${met}/${outcome.targets.length} met${outcome.targets.filter((t) => !t.met).map((t) => `; MISSED ${t.name}: ${t.measured}`).join('')}`);
				const { also = [], ...own } = outcome;
				for (const entry of [{ id: scenario.id, title: scenario.title, ...own }, ...also]) {
					results.scenarios.push({ build, measuredAt: new Date(began).toISOString(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAverage(), ...entry });
				}
			}
		} finally {
			await n8n.stop();
			n8n = undefined;
		}
	}
} finally {
	finish();
}

/** Writes the results once: the scenarios run, the earlier ones kept, the load average at the end. */
function finish() {
	if (finished) return;
	finished = true;
	if (only) keepEarlierScenarios(results);
	results.scenarios.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
	results.machine.loadAverageAtEnd = loadAverage();
	const written = writeReport(outDir, results);
	log(`wrote ${written.json} and ${written.markdown}`);
}

/** `--only` reruns some scenarios: the others keep the figures of the day's earlier run. */
function keepEarlierScenarios(current) {
	const earlier = readEarlier(outDir, current.measuredAt);
	if (!earlier) return;
	const rerun = new Set(current.scenarios.map((s) => s.id));
	current.scenarios.push(...earlier.scenarios.filter((s) => !rerun.has(s.id)).map((s) => ({ ...s, fromRunAt: s.fromRunAt ?? earlier.measuredAt })));
	current.machine.earlierRuns = [...(earlier.machine.earlierRuns ?? []), { measuredAt: earlier.measuredAt, loadAverageAtStart: earlier.machine.loadAverageAtStart, loadAverageAtEnd: earlier.machine.loadAverageAtEnd }];
}

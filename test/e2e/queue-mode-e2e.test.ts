import { N8nCluster, logEntries } from '../../scripts/n8n/cluster';
import { scratchDir } from '../../scripts/n8n/n8n';
import {
	MAZRICA_LOAD_PATH,
	loadNamePrefix,
	mazricaLoadWorkflow,
	postLoadRequests,
} from '../../scripts/n8n/workflows';
import { startDemoSimulators, type DemoServices } from '../simulators/demo';
import { EXAMPLE_SINK, readExample, waitFor } from './environment';

/**
 * n8n 2.40.7 in queue mode, as teams run it past one machine: Redis and PostgreSQL (installed from
 * Debian's packages by the setup when missing), one main and two workers, each with this package
 * installed from its npm tarball. Which worker ran which execution comes from the workers' own logs.
 */
jest.setTimeout(600_000);

let services: DemoServices;
let cluster: N8nCluster;

const RUN = 'e2e';
const EXECUTIONS = 10;
const READ = 120;
const WRITE = 20;
const TRIGGER_WORKFLOW = 'jpSaasExample06';

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

async function executionsOf(workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await cluster.main.rest<{ results: ExecutionSummary[] }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=100`,
	);
	return page.results;
}

function workerRunsOf(workflowId: string) {
	return Object.entries(cluster.executionsByWorker()).map(([worker, runs]) => ({
		worker,
		runs: runs.filter((run) => run.workflowId === workflowId),
	}));
}

beforeAll(async () => {
	services = await startDemoSimulators({ mazrica: 0, yappli: 0, rodem: 0, sink: 0 });
	// Debug level: the main logs each poll it runs, which shows where polling happens.
	cluster = new N8nCluster({
		dir: scratchDir('e2e-queue'),
		workers: 2,
		concurrency: 5,
		logLevel: 'debug',
	});
	const trigger = readExample('mazrica-trigger-deal-changed.json', {
		[EXAMPLE_SINK]: services.sink.url,
	});
	// Polls every 10 s instead of every minute so the test is short: six "custom" poll times, each
	// firing once a minute at its own second (n8n refuses a single sub-minute cron).
	const triggerNode = (
		trigger.nodes as Array<{ name: string; parameters: Record<string, unknown> }>
	).find((node) => node.name === 'Deal changed');
	if (!triggerNode) throw new Error('the example has no trigger node');
	triggerNode.parameters.pollTimes = {
		item: [0, 10, 20, 30, 40, 50].map((second) => ({
			mode: 'custom',
			cronExpression: `${second} * * * * *`,
		})),
	};
	const load = mazricaLoadWorkflow();
	await cluster.start({ credentials: services.credentials, workflows: [load, trigger] });
	await cluster.activate(load.id);
});

afterAll(async () => {
	await cluster?.stop();
	await Promise.all((services?.all ?? []).map(({ simulator }) => simulator.stop()));
});

test('webhook executions run on both workers at once on one Mazrica credential; every write lands once', async () => {
	const { mazrica } = services;
	mazrica.reset();
	// Some network latency, so that executions last long enough for the two workers to overlap.
	mazrica.inject({ method: 'GET', path: '/v1/customers', delayMs: 250, times: 1000 });

	const answers = await postLoadRequests(cluster.webhookUrl(MAZRICA_LOAD_PATH), {
		run: RUN,
		count: EXECUTIONS,
		read: READ,
		write: WRITE,
	});
	expect(answers).toEqual(Array(EXECUTIONS).fill(200));
	const finished = () =>
		workerRunsOf('jpSaasQueueLoad1').flatMap(({ runs }) => runs.filter((r) => r.finishedAt));
	await waitFor(
		'every execution to finish on a worker',
		() => finished().length >= EXECUTIONS,
		180_000,
	);

	// n8n's own record: every execution of the webhook workflow succeeded.
	const executions = await executionsOf('jpSaasQueueLoad1');
	expect(executions).toHaveLength(EXECUTIONS);
	expect(executions.every((e) => e.status === 'success')).toBe(true);

	// Each execution ran on exactly one worker, both workers took some, and at least one execution
	// of each worker ran while one of the other's was running.
	const [first, second] = workerRunsOf('jpSaasQueueLoad1');
	expect(first.runs.length).toBeGreaterThan(0);
	expect(second.runs.length).toBeGreaterThan(0);
	const ids = [...first.runs, ...second.runs].map((r) => r.executionId);
	expect(new Set(ids).size).toBe(EXECUTIONS);
	expect(ids.sort()).toEqual(executions.map((e) => e.id).sort());
	const overlapping = first.runs.some((a) =>
		second.runs.some(
			(b) => a.startedAt < (b.finishedAt ?? Infinity) && b.startedAt < (a.finishedAt ?? Infinity),
		),
	);
	expect(overlapping).toBe(true);

	// One credential: every request the simulator saw carried the one API key.
	const keys = new Set(mazrica.requests.map((r) => r.headers['x-api-key']));
	expect([...keys]).toEqual([mazrica.apiKey]);
	expect(mazrica.received({ method: 'GET', path: '/v1/customers' })).toHaveLength(
		EXECUTIONS * Math.ceil(READ / 100),
	);

	// The ledger: exactly the requested writes, none lost, none twice.
	const names = [...mazrica.store.customers.values()]
		.map((c) => c.name)
		.filter((name) => name.startsWith(`queue-load ${RUN} #`));
	expect(names).toHaveLength(EXECUTIONS * WRITE);
	expect(new Set(names).size).toBe(EXECUTIONS * WRITE);
	for (let n = 0; n < EXECUTIONS; n++) {
		expect(names.filter((name) => name.startsWith(loadNamePrefix(RUN, n)))).toHaveLength(WRITE);
	}
	const bulk = mazrica.received({ method: 'POST', path: '/v1/customers/bulk' });
	expect(bulk.map((r) => r.status)).toEqual(Array(EXECUTIONS).fill(200));
});

test('a Mazrica trigger polls on the main, runs on the workers and emits each change once, also across a main restart', async () => {
	const { mazrica, sink } = services;
	mazrica.reset();
	const dealPolls = () => mazrica.received({ method: 'GET', path: '/v1/deals' }).length;
	const forwarded = () =>
		sink
			.received({ method: 'POST', path: '/hook/deal-changed' })
			.map((r) => r.body as { dealId: number; event: string });
	const pollsLogged = (logFile: string) =>
		logEntries(logFile, /^Poll trigger initiated for workflow/).length;

	await cluster.activate(TRIGGER_WORKFLOW);
	await waitFor('the activation poll', () => dealPolls() > 0, 60_000);

	const [a, b, c] = [...mazrica.store.deals.keys()].slice(10, 13);
	mazrica.touch('deal', a);
	mazrica.touch('deal', b);
	await waitFor('two forwarded deal changes', () => forwarded().length >= 2, 90_000);

	// A redeploy of the main: workers, queue and database stay up. A deal changed while no main
	// runs is emitted after it is back (polling resumes from the watermark it saved), once.
	await cluster.main.stop();
	mazrica.touch('deal', c);
	await cluster.main.start();
	await waitFor('the third change', () => forwarded().length >= 3, 90_000);
	const settled = dealPolls();
	await waitFor('one more poll', () => dealPolls() > settled, 60_000);

	expect(forwarded().map((f) => f.dealId)).toEqual([a, b, c]);
	expect(forwarded().every((f) => f.event === 'updated')).toBe(true);

	// Two executions (a and b in one poll, c in a later one), both run by workers.
	const executions = await executionsOf(TRIGGER_WORKFLOW);
	expect(executions).toHaveLength(2);
	expect(executions.every((e) => e.status === 'success' && e.mode === 'trigger')).toBe(true);
	const ranOnWorkers = workerRunsOf(TRIGGER_WORKFLOW).flatMap(({ runs }) => runs);
	expect(ranOnWorkers.map((r) => r.executionId).sort()).toEqual(executions.map((e) => e.id).sort());

	// Polls happen on the main only: it logged them, no worker did.
	expect(pollsLogged(cluster.main.logFile)).toBeGreaterThanOrEqual(3);
	for (const worker of cluster.workers) expect(pollsLogged(worker.logFile)).toBe(0);
});

import { serveDuringTests } from '../kit/lifecycle';
import { ReferenceSimulator } from '../kit/reference-simulator';
import { apiKeySetup, probe } from './probe-setup';

/**
 * Queue mode in one test process: n8n workers each have their own throttle (module state), so
 * every simulated "process" here gets one of its own (the probe's Simulated Process parameter),
 * and all of them write through n8n-core (WorkflowExecute, the node's helpers, real HTTP) to one
 * key of a simulator that allows 5 requests per second with a burst of 5: low enough that the
 * executions could send far more even on a loaded machine, so the throttles decide the rate.
 */
const LIMIT = { ratePerSecond: 5, burst: 5 };
const sim = serveDuringTests(new ReferenceSimulator({ rateLimit: LIMIT }));

let run = 0;

/** `processes` × `executions` executions at once, each writing `items` items with a non-idempotent POST. */
async function writeFromProcesses(
	processes: number,
	{ executions = 2, items = 10, processesSharingKey = 1 } = {},
) {
	const tag = `run-${++run}`;
	const apiKey = sim.issueApiKey();
	const parameters = (process: number) => ({
		operation: 'request',
		method: 'POST',
		path: '/items',
		body: '={{ JSON.stringify({ mark: $json.mark }) }}',
		profile: JSON.stringify(LIMIT),
		// Backoff scaled down with the rate (the vendor's 3/s and 1 s steps, here 5/s and 50 ms steps).
		retry: JSON.stringify({ baseDelayMs: 50, maxDelayMs: 500 }),
		simulatedProcess: `${tag}-process-${process}`,
	});
	const runs = [];
	for (let p = 0; p < processes; p++) {
		for (let e = 0; e < executions; e++) {
			// One n8n credential per execution, as each worker decrypts its own copy: one key.
			const setup = apiKeySetup(sim, apiKey, { processesSharingKey });
			const input = Array.from({ length: items }, (_, i) => ({ mark: `${tag} p${p} e${e} #${i}` }));
			runs.push(
				probe(setup, parameters(p), input, true, { executionId: `${tag}-p${p}-e${e}` }).then(
					(result) => ({ result, input }),
				),
			);
		}
	}
	const results = await Promise.all(runs);
	const requests = sim.received({ method: 'POST', path: '/items' });
	return {
		results,
		marks: results.flatMap(({ input }) => input.map((item) => item.mark)),
		written: sim.created.map((record) => record.mark as string),
		requests,
		refused: requests.filter((r) => r.status === 429),
	};
}

test('three processes with the field left at 1 converge under the limit: every item written once', async () => {
	const outcome = await writeFromProcesses(3);
	for (const { result, input } of outcome.results) {
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.error)).toEqual(input.map(() => undefined));
		expect(result.items.map((item) => item.json.mark)).toEqual(input.map((item) => item.mark));
	}
	// The ledger: each item once, none lost, none written twice.
	expect([...outcome.written].sort()).toEqual([...outcome.marks].sort());
	// Each process alone would send 4.75/s, together 14.25/s against 5/s: without adaptive
	// control about two of three requests are refused all the way through. Converged, the
	// refusals are the start's storm and the occasional probe: a small part of the second half.
	const times = outcome.requests.map((r) => r.at);
	const middle = (times[0] + times[times.length - 1]) / 2;
	const late = outcome.requests.filter((r) => r.at >= middle);
	const lateRefused = late.filter((r) => r.status === 429).length;
	expect(lateRefused).toBeLessThan(0.25 * (late.length - lateRefused));
}, 120_000);

test('with the field set to the number of processes the simulator refuses nothing', async () => {
	const outcome = await writeFromProcesses(3, { processesSharingKey: 3 });
	expect(outcome.refused).toHaveLength(0);
	expect([...outcome.written].sort()).toEqual([...outcome.marks].sort());
	for (const { result } of outcome.results) expect(result.error).toBeUndefined();
}, 120_000);

test('a field that is not a whole number of 1 or more is named before any request', async () => {
	const result = await probe(apiKeySetup(sim, undefined, { processesSharingKey: 0 }), {
		operation: 'request',
		path: '/items',
	});
	expect(result.error?.message).toBe(
		`The credential's "n8n processes sharing this key" must be a whole number of 1 or more`,
	);
	expect(sim.received({ path: '/items' })).toHaveLength(0);
});

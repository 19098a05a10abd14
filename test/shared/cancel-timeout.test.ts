import { serveDuringTests } from '../kit/lifecycle';
import { ReferenceSimulator } from '../kit/reference-simulator';
import { delay } from '../platform/node';
import { YappliSimulator } from '../simulators/yappli/yappli-simulator';
import { runYappli, yappliCredentials } from '../yappli/setup';
import { apiKeySetup, probe } from './probe-setup';

/**
 * Stopping an execution and the per-request timeout, through n8n-core: WorkflowExecute's cancel
 * aborts the signal `this.getExecutionCancelSignal()` returns, and the Timeout option reaches
 * httpRequestWithAuthentication.
 */
const sim = serveDuringTests(new ReferenceSimulator());
const yappli = serveDuringTests(new YappliSimulator());

/** Cancels the run `ms` after the simulator has recorded `count` requests to `path` (faulted ones included). */
function cancelAfterRequest(target: ReferenceSimulator, path: string, count: number, ms: number) {
	return {
		onStarted(cancel: () => void) {
			void (async () => {
				while (target.received({ path }).length < count) await delay(10);
				await delay(ms);
				cancel();
			})();
		},
	};
}

describe('cancel', () => {
	test('a cancel during a Retry-After wait ends the wait and is reported as a cancel', async () => {
		sim.inject({
			path: '/items',
			respond: { status: 429, headers: { 'retry-after': '30' }, body: { error: 'slow down' } },
		});
		const result = await probe(
			apiKeySetup(sim),
			{ operation: 'request', path: '/items', retry: JSON.stringify({ maxTotalWaitMs: 60_000 }) },
			[{}],
			false,
			cancelAfterRequest(sim, '/items', 1, 300),
		);
		expect(sim.received({ path: '/items' })).toHaveLength(1);
		expect(result.error?.message).toBe('Reference request cancelled: the execution was stopped');
		expect(result.error?.description ?? '').not.toMatch(/network/i);
	}, 20_000);

	test('a cancel during a throttle wait sends nothing more', async () => {
		const input = Array.from({ length: 6 }, (_, i) => ({ i }));
		const result = await probe(
			apiKeySetup(sim),
			{
				operation: 'request',
				path: '/items',
				profile: JSON.stringify({ ratePerSecond: 0.5, burst: 1 }),
			},
			input,
			false,
			cancelAfterRequest(sim, '/items', 2, 200),
		);
		expect(sim.received({ path: '/items' })).toHaveLength(2);
		expect(result.error?.message).toBe('Reference request cancelled: the execution was stopped');
	}, 20_000);
});

describe('Timeout option', () => {
	const member = () => [...yappli.store.members.values()][0];

	test('a read that times out is sent again', async () => {
		yappli.inject({ method: 'GET', path: `/api/ext/users/${member().id}`, delayMs: 2000 });
		const result = await runYappli(yappliCredentials(yappli), {
			resource: 'member',
			operation: 'get',
			memberId: member().id,
			options: { timeout: 300 },
		});
		expect(result.error?.message).toBeUndefined();
		expect(yappli.received({ method: 'GET', path: `/api/ext/users/${member().id}` })).toHaveLength(
			2,
		);
	});

	test('a point grant that times out is never sent again: the vendor may have applied it', async () => {
		const id = member().id;
		const before = yappli.store.points.get(id)?.length ?? 0;
		yappli.inject({ method: 'POST', path: `/api/ext/users/${id}/points`, delayMs: 1500 });
		const result = await runYappli(
			yappliCredentials(yappli),
			{
				resource: 'point',
				operation: 'adjust',
				memberId: id,
				point: 50,
				options: { timeout: 300 },
			},
			[{}],
			true,
		);
		expect(String(result.items[0].json.error)).toBe(
			'Yappli CRM did not answer within 0.3 seconds (Timeout option)',
		);
		expect(String(result.items[0].json.description)).toMatch(/may have been applied/);
		// The simulator applies the grant once its delay is over, after the node gave up waiting.
		while (yappli.requests.some((r) => r.status === 0)) await delay(50);
		expect(yappli.received({ method: 'POST', path: `/api/ext/users/${id}/points` })).toHaveLength(
			1,
		);
		expect(yappli.store.points.get(id)?.length ?? 0).toBe(before + 1);
	});
});

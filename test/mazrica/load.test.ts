import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * Return All over 20,000 records against the simulator's real limits (3/s, burst 100): the
 * node's own throttle keeps it under them, so Mazrica never has to answer 429.
 */
const sim = serveDuringTests(
	new MazricaSimulator({ seed: { customers: 20_000, deals: 20_000, contacts: 200 } }),
);

test('20,000 customers: 200 pages, zero 429s', async () => {
	const result = await runMazrica(mazricaCredentials(sim), {
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(20_000);
	expect(new Set(result.items.map((i) => i.json.id)).size).toBe(20_000);
	const pages = sim.received({ path: '/v1/customers' });
	expect(pages).toHaveLength(200);
	// The simulator enforces Mazrica's own bucket (3/s, burst 100): no 429 means the node stayed
	// under it. (A wall-clock spacing check was flaky on a loaded machine: a slow first half lets
	// the bucket refill, which is correct behaviour.)
	expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
}, 90_000);

test('20,000 deals: Return All pages with limit=1000, 20 requests', async () => {
	const result = await runMazrica(mazricaCredentials(sim), {
		resource: 'deal',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.items).toHaveLength(20_000);
	const pages = sim.received({ path: '/v1/deals' });
	expect(pages.map((r) => r.query.limit)).toEqual(Array(20).fill('1000'));
	expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(0);
});

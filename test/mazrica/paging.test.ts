import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * A Return All whose first page tells the total (`totalCount`) asks for the remaining pages
 * several at a time, so the vendor's burst of 100 is used instead of one round trip per page
 * (bench scenario 1). Each page is held 300 ms by the simulator, so pages sent together are seen
 * in flight together; the records still come out once each, in the vendor's order.
 */
const sim = serveDuringTests(
	new MazricaSimulator({
		apiKeys: [{}, {}],
		seed: {
			customers: 950,
			contacts: 1,
			deals: 1,
			customerActions: 1,
			dealActions: 1,
			contactActions: 1,
			customObjects: 1,
		},
	}),
);

/** The most requests to GET /v1/customers the simulator held unanswered at once. */
function holdPages(): () => number {
	let most = 0;
	sim.inject({
		method: 'GET',
		path: '/v1/customers',
		exact: true,
		delayMs: 300,
		times: 1000,
		when: () => {
			const open = sim.requests.filter((r) => r.path === '/v1/customers' && r.status === 0);
			most = Math.max(most, open.length);
			return true;
		},
	});
	return () => most;
}

test('Return All requests the pages after the first several at a time, and returns each record once, in order', async () => {
	const mostInFlight = holdPages();
	const result = await runMazrica(mazricaCredentials(sim, sim.apiKeys[0]), {
		resource: 'customer',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.error).toBeUndefined();
	const expected = [...sim.store.customers.values()]
		.sort((a, b) => b.updatedAt - a.updatedAt || a.id - b.id)
		.map((c) => c.id);
	expect(result.items.map((i) => i.json.id)).toEqual(expected);
	const pages = sim.received({ path: '/v1/customers' }).map((r) => Number(r.query.page));
	expect([...pages].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	expect(mostInFlight()).toBeGreaterThan(1);
});

test('a Limit asks only for the pages it needs, also when they go at once', async () => {
	holdPages();
	const result = await runMazrica(mazricaCredentials(sim, sim.apiKeys[1]), {
		resource: 'customer',
		operation: 'getAll',
		returnAll: false,
		limit: 250,
	});
	expect(result.items).toHaveLength(250);
	const pages = sim.received({ path: '/v1/customers' }).map((r) => Number(r.query.page));
	expect([...pages].sort((a, b) => a - b)).toEqual([1, 2, 3]);
});

import { serveDuringTests } from '../kit/lifecycle';
import { ReferenceSimulator } from '../kit/reference-simulator';
import { apiKeySetup, probe } from './probe-setup';

/**
 * The transport's three pagination styles through the shared iterators, inside n8n-core, against
 * the simulator. The `next_*` cursor style lives in the endpoint engine (test/shared/engine.test.ts).
 */
const sim = serveDuringTests(new ReferenceSimulator({ items: 250 }));

const styles = [
	{ style: 'pageTotal', path: '/styles/page-total', allRequests: 3 },
	{ style: 'lastPage', path: '/styles/last-page', allRequests: 3 },
	{ style: 'offset', path: '/styles/offset', allRequests: 2 },
];

describe.each(styles)('$style', ({ style, path, allRequests }) => {
	test('Return All fetches every item once, in order, then stops', async () => {
		const result = await probe(apiKeySetup(sim), { operation: 'getAll', style, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(sim.items.map((i) => i.id));
		expect(sim.received({ path })).toHaveLength(allRequests);
	});

	test('Limit 30 stops after the first page', async () => {
		const result = await probe(apiKeySetup(sim), {
			operation: 'getAll',
			style,
			returnAll: false,
			limit: 30,
		});
		expect(result.items.map((i) => i.json.id)).toEqual(sim.items.slice(0, 30).map((i) => i.id));
		expect(sim.received({ path })).toHaveLength(1);
	});

	test('Limit 120 fetches only the pages it needs', async () => {
		const result = await probe(apiKeySetup(sim), {
			operation: 'getAll',
			style,
			returnAll: false,
			limit: 120,
		});
		expect(result.items).toHaveLength(120);
		expect(result.items[119].json.id).toBe(120);
		// Pages of at most 100 need two; 200-item offset pages need one.
		expect(sim.received({ path })).toHaveLength(
			style === 'pageTotal' || style === 'lastPage' ? 2 : 1,
		);
	});
});

test('a list that ends exactly on a page boundary costs no extra request when the total is known', async () => {
	sim.items = sim.items.slice(0, 200);
	await probe(apiKeySetup(sim), { operation: 'getAll', style: 'pageTotal', returnAll: true });
	expect(sim.received({ path: '/styles/page-total' })).toHaveLength(2);
});

test('page sizes are sent as the vendor expects', async () => {
	await probe(apiKeySetup(sim), {
		operation: 'getAll',
		style: 'lastPage',
		returnAll: false,
		limit: 30,
	});
	await probe(apiKeySetup(sim), { operation: 'getAll', style: 'offset', returnAll: true });
	expect(sim.received({ path: '/styles/last-page' })[0].query).toEqual({
		page: '1',
		per_page: '30',
	});
	expect(sim.received({ path: '/styles/offset' }).map((r) => r.query)).toEqual([
		{ offset: '0', limit: '200' },
		{ offset: '200', limit: '200' },
	]);
});

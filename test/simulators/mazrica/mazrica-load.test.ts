import { serveDuringTests } from '../../kit/lifecycle';
import { MazricaSimulator } from './mazrica-simulator';
import {
	client,
	type ContactJson,
	type CustomerJson,
	type DealJson,
	type PageJson,
} from './test-client';

/** The generator at load-test size: 20,000 customers, deals and contacts. */
const sim = serveDuringTests(
	new MazricaSimulator({
		rateLimit: false,
		seed: { customers: 20_000, deals: 20_000, contacts: 20_000, auditHistory: false },
	}),
);
const api = client(sim);

test('20,000 deals page out completely at limit=1000; other lists page by 100', async () => {
	const ids = new Set<number>();
	for (let page = 1; page <= 21; page++) {
		const res = await api.get<PageJson<'deals', DealJson>>(
			`/deals?limit=1000&page=${page}&sort=id`,
		);
		expect(res.json.totalCount).toBe(20_000);
		expect(res.json.deals).toHaveLength(page <= 20 ? 1000 : 0);
		for (const deal of res.json.deals) ids.add(deal.id);
	}
	expect(ids.size).toBe(20_000);

	const lastCustomers = await api.get<PageJson<'customers', CustomerJson>>('/customers?page=200');
	expect(lastCustomers.json.customers).toHaveLength(100);
	const names = new Set([...sim.store.customers.values()].map((c) => c.name));
	expect(names.size).toBe(20_000);

	const search = await api.post<PageJson<'contacts', ContactJson>>('/contacts/search', {
		filter: { valueFilter: { field: 'customerId', op: 'EQUAL', value: 123 } },
	});
	expect(search.json.totalCount).toBe(
		[...sim.store.contacts.values()].filter((c) => c.customerId === 123).length,
	);
});

import type { IDataObject } from 'n8n-workflow';

import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * "Use Bulk Endpoint": chunks of 1,000, all-or-nothing answers, bad rows isolated, every good row
 * written exactly once, one output item (or error) per input item.
 */
const sim = serveDuringTests(new MazricaSimulator());
const UNKNOWN_ROLE = 9999;

function customers(count: number, badRows: number[] = []): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		name: `株式会社一括${String(i).padStart(5, '0')}`,
		role: badRows.includes(i) ? UNKNOWN_ROLE : 0,
	}));
}

const bulkCreateCustomers = {
	resource: 'customer',
	operation: 'create',
	useBulkEndpoint: true,
	name: '={{ $json.name }}',
	additionalFields: { ownerRoleId: '={{ $json.role }}' },
};

function storedNames(prefix: string): string[] {
	return [...sim.store.customers.values()]
		.map((c) => c.name)
		.filter((name) => name.startsWith(prefix));
}

test('2,500 items go in chunks of 1,000; rows the vendor names are failed alone and the rest written once', async () => {
	const input = customers(2500, [1200, 1201, 2300]);
	const result = await runMazrica(mazricaCredentials(sim), bulkCreateCustomers, input, true);

	const bulkCalls = sim.received({ method: 'POST', path: '/v1/customers/bulk' });
	const sizes = bulkCalls.map((r) => ((r.body as { customers: unknown[] }).customers ?? []).length);
	expect(sizes).toEqual([1000, 1000, 998, 500, 499]);
	expect(bulkCalls.map((r) => r.status)).toEqual([200, 400, 200, 400, 200]);

	const names = storedNames('株式会社一括');
	expect(names).toHaveLength(2497);
	expect(new Set(names).size).toBe(2497);

	expect(result.items).toHaveLength(2500);
	expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	const failed = result.items.flatMap((item, i) => (item.json.error ? [i] : []));
	expect(failed).toEqual([1200, 1201, 2300]);
	expect(String(result.items[1200].json.error)).toMatch(
		/^Mazrica rejected this row of the bulk request: /,
	);
	expect(result.items[0].json).toEqual(
		expect.objectContaining({ id: expect.any(Number), name: '株式会社一括00000' }),
	);
});

test('when the vendor names no rows, a rejected chunk is halved until each bad row stands alone', async () => {
	// Hide the vendor's bulkErrors: answer 400 with a bare message whenever a bad row is in the chunk.
	sim.inject({
		method: 'POST',
		path: '/v1/customers/bulk',
		times: 1000,
		when: (req) => JSON.stringify(req.body).includes('BAD'),
		respond: { status: 400, body: { error: 'Bad Request', messages: ['一括登録に失敗しました'] } },
	});
	const input = customers(16).map((row, i) =>
		i === 5 || i === 11 ? { ...row, name: `${row.name as string} BAD` } : row,
	);
	const result = await runMazrica(mazricaCredentials(sim), bulkCreateCustomers, input, true);

	expect(result.items.flatMap((item, i) => (item.json.error ? [i] : []))).toEqual([5, 11]);
	expect(result.items[5].json.error).toBe('Mazrica returned 400: 一括登録に失敗しました');
	const names = storedNames('株式会社一括');
	expect(names).toHaveLength(14);
	expect(new Set(names).size).toBe(14);
	// 16 → 8+8 → 4+4 → 2+2 → 1+1 for each bad row: at most 1 + 2·2·log2(16) requests.
	expect(sim.received({ method: 'POST', path: '/v1/customers/bulk' }).length).toBeLessThanOrEqual(
		17,
	);
});

test('bad input fails its own item before anything is sent; the others still go in one request', async () => {
	const input = [{ name: 'A社' }, { name: '' }, { name: 'C社' }];
	const result = await runMazrica(
		mazricaCredentials(sim),
		{ ...bulkCreateCustomers, additionalFields: {} },
		input,
		true,
	);
	expect(result.items[1].json.error).toBe('"Name" is required');
	const calls = sim.received({ method: 'POST', path: '/v1/customers/bulk' });
	expect(calls).toHaveLength(1);
	expect((calls[0].body as { customers: IDataObject[] }).customers.map((c) => c.name)).toEqual([
		'A社',
		'C社',
	]);
});

describe('without Continue On Fail nothing is written twice by a re-run', () => {
	test('a row failing local validation stops the node before any request', async () => {
		const input = [{ name: 'A社' }, { name: '' }, { name: 'C社' }];
		const result = await runMazrica(
			mazricaCredentials(sim),
			{ ...bulkCreateCustomers, additionalFields: {} },
			input,
		);
		expect(result.error?.message).toBe('"Name" is required');
		expect(result.error?.name).toBe('NodeOperationError');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(sim.received({ method: 'POST', path: '/v1/customers/bulk' })).toHaveLength(0);
	});

	test('a chunk Mazrica rejects stops the node: that chunk wrote nothing and nothing else is sent', async () => {
		const result = await runMazrica(
			mazricaCredentials(sim),
			bulkCreateCustomers,
			customers(10, [3]),
		);
		expect(result.error?.message).toMatch(/^Mazrica rejected item 3 of the bulk request: /);
		expect(result.error?.description).toContain('Nothing was written');
		expect(sim.received({ method: 'POST', path: '/v1/customers/bulk' })).toHaveLength(1);
		expect(storedNames('株式会社一括')).toHaveLength(0);
	});

	test('a rejection after earlier chunks were written stops at once and says which items were written', async () => {
		const result = await runMazrica(
			mazricaCredentials(sim),
			bulkCreateCustomers,
			customers(2500, [1200]),
		);
		const calls = sim.received({ method: 'POST', path: '/v1/customers/bulk' });
		expect(calls.map((r) => r.status)).toEqual([200, 400]);
		expect(storedNames('株式会社一括')).toHaveLength(1000);
		expect(result.error?.message).toMatch(/^Mazrica rejected item 1200 of the bulk request: /);
		expect(result.error?.description).toContain('Written: items 0–999 (1000).');
		expect(result.error?.description).toContain('Not written: items 1000–2499 (1500).');
		expect(result.error?.description).toContain('re-sends the written items');
	});

	test('a chunk whose answer is lost stops the node, its items named as possibly written', async () => {
		sim.inject({ method: 'POST', path: '/v1/customers/bulk', skip: 1, reset: 'after' });
		const result = await runMazrica(mazricaCredentials(sim), bulkCreateCustomers, customers(2500));
		expect(sim.received({ method: 'POST', path: '/v1/customers/bulk' })).toHaveLength(2);
		// The simulator applied the lost chunk: 2,000 stored, none twice, the last 500 never sent.
		const names = storedNames('株式会社一括');
		expect(names).toHaveLength(2000);
		expect(new Set(names).size).toBe(2000);
		expect(result.error?.message).toMatch(/^Mazrica request failed: /);
		expect(result.error?.description).toContain('Written: items 0–999 (1000).');
		expect(result.error?.description).toContain(
			'Unknown: items 1000–1999 (1000) were sent but the answer was lost; Mazrica may have written them.',
		);
		expect(result.error?.description).toContain('Not written: items 2000–2499 (500).');
	});
});

test('with Continue On Fail a chunk whose answer is lost is reported on each of its items and never sent again', async () => {
	sim.inject({ method: 'POST', path: '/v1/customers/bulk', skip: 1, reset: 'after' });
	const result = await runMazrica(
		mazricaCredentials(sim),
		bulkCreateCustomers,
		customers(2100),
		true,
	);
	expect(sim.received({ method: 'POST', path: '/v1/customers/bulk' })).toHaveLength(3);
	// The server applied the lost chunk; nothing was duplicated.
	const names = storedNames('株式会社一括');
	expect(names).toHaveLength(2100);
	expect(new Set(names).size).toBe(2100);
	const failed = result.items.flatMap((item, i) => (item.json.error ? [i] : []));
	expect(failed).toEqual(Array.from({ length: 1000 }, (_, k) => 1000 + k));
	expect(String(result.items[1000].json.error)).toMatch(/^Mazrica request failed: /);
	expect(String(result.items[1000].json.description)).toContain(
		'Unknown: items 1000–1999 (1000) were sent but the answer was lost; Mazrica may have written them.',
	);
});

test('deals are grouped by deal type, one bulk request per type', async () => {
	const [typeA, typeB] = [...sim.store.dealTypes.values()];
	const customer = [...sim.store.customers.keys()][0];
	const user = [...sim.store.users.keys()][0];
	const row = (type: typeof typeA, name: string) => ({
		name,
		dealType: type.id,
		phase: type.phases[0].id,
		product: type.products[0].id,
		probability: type.probabilities[0].id,
		channel: type.channels[0].id,
	});
	const input = [row(typeA, '案件A1'), row(typeB, '案件B1'), row(typeA, '案件A2')];
	const result = await runMazrica(
		mazricaCredentials(sim),
		{
			resource: 'deal',
			operation: 'create',
			useBulkEndpoint: true,
			name: '={{ $json.name }}',
			dealType: '={{ $json.dealType }}',
			expectedContractDate: '2026-12-25',
			customer,
			phase: '={{ $json.phase }}',
			product: '={{ $json.product }}',
			probability: '={{ $json.probability }}',
			channel: '={{ $json.channel }}',
			user,
		},
		input,
	);
	expect(result.error).toBeUndefined();
	expect(
		sim.received({ method: 'POST', path: `/v1/deal_types/${typeA.id}/deals/bulk` }),
	).toHaveLength(1);
	expect(
		sim.received({ method: 'POST', path: `/v1/deal_types/${typeB.id}/deals/bulk` }),
	).toHaveLength(1);
	const created = [...sim.store.deals.values()].filter((d) => d.name.startsWith('案件'));
	expect(created.map((d) => [d.name, d.dealTypeId]).sort()).toEqual([
		['案件A1', typeA.id],
		['案件A2', typeA.id],
		['案件B1', typeB.id],
	]);
	expect(result.items.map((i) => i.json.name)).toEqual(['案件A1', '案件B1', '案件A2']);
});

test('bulk update sends each row with its id to the deal type given on the node', async () => {
	const type = [...sim.store.dealTypes.values()][0];
	const deals = [...sim.store.deals.values()].filter((d) => d.dealTypeId === type.id).slice(0, 3);
	const result = await runMazrica(
		mazricaCredentials(sim),
		{
			resource: 'deal',
			operation: 'update',
			useBulkEndpoint: true,
			bulk_dealTypeId: type.id,
			dealId: '={{ $json.id }}',
			updateFields: { amount: '={{ $json.amount }}' },
		},
		deals.map((d, i) => ({ id: d.id, amount: 100_000 * (i + 1) })),
	);
	expect(result.error).toBeUndefined();
	const call = sim.received({ method: 'PATCH', path: `/v1/deal_types/${type.id}/deals/bulk` });
	expect(call).toHaveLength(1);
	expect((call[0].body as { deals: IDataObject[] }).deals).toEqual(
		deals.map((d, i) => ({ id: d.id, amount: 100_000 * (i + 1) })),
	);
	expect(deals.map((d) => sim.store.deals.get(d.id)?.amount)).toEqual([100_000, 200_000, 300_000]);
});

test('bulk customer actions carry their customer as a related object', async () => {
	const customer = [...sim.store.customers.keys()][0];
	const user = [...sim.store.users.keys()][0];
	const pattern = [...sim.store.actionPatterns.keys()][0];
	const before = sim.store.actions.size;
	const result = await runMazrica(
		mazricaCredentials(sim),
		{
			resource: 'customerAction',
			operation: 'create',
			useBulkEndpoint: true,
			customerId: customer,
			startDatetime: '2026-12-01T10:00:00+09:00',
			endDatetime: '2026-12-01T11:00:00+09:00',
			creator: user,
			pattern,
		},
		[{}, {}],
	);
	expect(result.error).toBeUndefined();
	const call = sim.received({ method: 'POST', path: '/v1/customers/actions/bulk' });
	expect((call[0].body as { actions: IDataObject[] }).actions[0]).toEqual(
		expect.objectContaining({
			customer: { id: customer },
			creator: { id: user },
			pattern: { id: pattern },
		}),
	);
	expect(sim.store.actions.size).toBe(before + 2);
});

describe('the other bulk endpoints', () => {
	const user = () => [...sim.store.users.keys()][0];

	test('deal actions go to POST /actions/bulk with the deal type given on the node', async () => {
		const type = [...sim.store.dealTypes.values()][0];
		const deal = [...sim.store.deals.values()].find((d) => d.dealTypeId === type.id);
		const result = await runMazrica(
			mazricaCredentials(sim),
			{
				resource: 'dealAction',
				operation: 'create',
				useBulkEndpoint: true,
				bulk_dealTypeId: type.id,
				startDatetime: '2026-12-05T10:00:00+09:00',
				endDatetime: '2026-12-05T11:00:00+09:00',
				creator: user(),
				purpose: type.purposes[0].id,
				deal: deal?.id,
			},
			[{}, {}, {}],
		);
		expect(result.error).toBeUndefined();
		const call = sim.received({ method: 'POST', path: '/v1/actions/bulk' });
		expect(call).toHaveLength(1);
		expect(call[0].body).toEqual(expect.objectContaining({ dealTypeId: type.id }));
		expect((call[0].body as { actions: IDataObject[] }).actions).toHaveLength(3);
		expect(result.items.every((i) => typeof i.json.id === 'number')).toBe(true);
	});

	test('contact actions go to POST /contacts/actions/bulk carrying their contact', async () => {
		const contact = [...sim.store.contacts.keys()][0];
		const pattern = [...sim.store.actionPatterns.keys()][0];
		const result = await runMazrica(
			mazricaCredentials(sim),
			{
				resource: 'contactAction',
				operation: 'create',
				useBulkEndpoint: true,
				contactId: contact,
				startDatetime: '2026-12-05T10:00:00+09:00',
				endDatetime: '2026-12-05T10:30:00+09:00',
				creator: user(),
				pattern,
			},
			[{}, {}],
		);
		expect(result.error).toBeUndefined();
		const call = sim.received({ method: 'POST', path: '/v1/contacts/actions/bulk' });
		expect((call[0].body as { actions: IDataObject[] }).actions[1]).toEqual(
			expect.objectContaining({ contact: { id: contact } }),
		);
	});

	test('custom object records go to POST …/custom_objects/bulk of their definition', async () => {
		const before = [...sim.store.customObjects.values()].filter(
			(r) => r.defKey === 'contract',
		).length;
		const result = await runMazrica(
			mazricaCredentials(sim),
			{
				resource: 'customObjectRecord',
				operation: 'create',
				useBulkEndpoint: true,
				custom_object_def_key: 'contract',
				fieldsMode: 'json',
				fieldsJson: '={{ JSON.stringify({ contractNo: $json.no, monthlyFee: $json.fee }) }}',
			},
			[
				{ no: 'C-90001', fee: 5000 },
				{ no: 'C-90002', fee: 8000 },
			],
		);
		expect(result.error).toBeUndefined();
		const call = sim.received({
			method: 'POST',
			path: '/v1/custom_object_defs/contract/custom_objects/bulk',
		});
		expect((call[0].body as { customObjects: IDataObject[] }).customObjects).toEqual([
			{ contractNo: 'C-90001', monthlyFee: 5000 },
			{ contractNo: 'C-90002', monthlyFee: 8000 },
		]);
		expect(
			[...sim.store.customObjects.values()].filter((r) => r.defKey === 'contract'),
		).toHaveLength(before + 2);
	});
});

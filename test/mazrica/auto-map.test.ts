import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { OPERATIONS } from '../../nodes/Mazrica/endpoints/catalog';
import { Mazrica } from '../../nodes/Mazrica/Mazrica.node';
import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/**
 * Map Automatically (the engine's mapping mode): a write's body fields are the input items' keys,
 * named as the API names them, through the same validation as typed values, bulk included.
 */
const sim = serveDuringTests(new MazricaSimulator());
const AUTO = { mappingMode: 'autoMapInputData' };

const storedCustomers = (prefix: string) =>
	[...sim.store.customers.values()].filter((c) => c.name.startsWith(prefix));

const bodyOf = (path: string) => sim.received({ path })[0]?.body as IDataObject;

test('every write with body fields offers the mode, defaulting to Map Each Field Manually; its body parameters hide in Map Automatically', () => {
	const properties = new Mazrica().description.properties;
	const shown = (p: INodeProperties) => p.displayOptions?.show ?? {};
	const of = (resource: string, operation: string) =>
		properties.filter(
			(p) => shown(p).resource?.[0] === resource && shown(p).operation?.[0] === operation,
		);
	const writes = OPERATIONS.filter(
		(e) => e.method !== 'GET' && !e.reads && (e.body?.length ?? 0) > 0,
	);
	expect(writes.length).toBeGreaterThan(20);
	for (const endpoint of OPERATIONS) {
		const mode = of(endpoint.resource, endpoint.operation).find((p) => p.name === 'mappingMode');
		expect([endpoint.path, mode?.default]).toEqual([
			endpoint.path,
			writes.includes(endpoint) ? 'defineBelow' : undefined,
		]);
	}

	const manualOnly = (p: INodeProperties) => shown(p).mappingMode?.join() === 'defineBelow';
	const dealUpdate = of('deal', 'update');
	expect(dealUpdate.filter(manualOnly).map((p) => p.name)).toEqual([
		'dealCustomsMode',
		'dealCustoms',
		'dealCustomsJson',
		'updateFields',
	]);
	// The path's id, the bulk toggle with its batch-level deal type and the request options stay.
	for (const name of ['dealId', 'useBulkEndpoint', 'bulk_dealTypeId', 'options']) {
		expect(dealUpdate.find((p) => p.name === name && !manualOnly(p))).toBeDefined();
	}
	expect(
		of('deal', 'create')
			.filter(manualOnly)
			.map((p) => p.name),
	).toEqual(expect.arrayContaining(['dealType', 'name', 'customer', 'phase', 'additionalFields']));
});

test('a create takes its body from the item keys (custom items as the API writes them); typed field parameters are not read', async () => {
	const rank = sim.store.customerCustomItems.find((item) => item.itemKey === 'rank');
	const optionA = rank?.options?.find((option) => option.name === 'A');
	if (!optionA) throw new Error('seed changed');
	const result = await runMazrica(
		mazricaCredentials(sim),
		// Left over from Map Each Field Manually: hidden now, so neither is sent.
		{
			resource: 'customer',
			operation: 'create',
			...AUTO,
			name: 'typed',
			additionalFields: { webUrl: 'https://typed.example' },
		},
		[
			{
				name: '株式会社自動',
				address: '東京都港区1-1',
				telNo: '03-1111-2222',
				employee: '12',
				ownerRoleId: null,
				customerCustoms: [{ itemKey: 'rank', value: optionA.id }],
			},
		],
	);
	expect(result.error).toBeUndefined();
	expect(bodyOf('/v1/customers')).toEqual({
		name: '株式会社自動',
		address: '東京都港区1-1',
		telNo: '03-1111-2222',
		employee: 12,
		customerCustoms: [{ itemKey: 'rank', value: optionA.id }],
	});
	const [stored] = storedCustomers('株式会社自動');
	expect(stored).toEqual(
		expect.objectContaining({ telNo: '03-1111-2222', employee: 12, webUrl: null }),
	);
	expect(stored.customs).toEqual([{ itemKey: 'rank', value: optionA.id }]);
});

test("an update keeps its id a parameter: the item's id key feeds it and is not sent in the body", async () => {
	const customer = [...sim.store.customers.values()][0];
	const result = await runMazrica(
		mazricaCredentials(sim),
		{ resource: 'customer', operation: 'update', ...AUTO, customerId: '={{ $json.id }}' },
		[{ id: customer.id, address: '大阪府大阪市北区2-2' }],
	);
	expect(result.error).toBeUndefined();
	expect(sim.received({ method: 'PATCH' }).map((r) => [r.path, r.body])).toEqual([
		[`/v1/customers/${customer.id}`, { address: '大阪府大阪市北区2-2' }],
	]);
	expect(sim.store.customers.get(customer.id)?.address).toBe('大阪府大阪市北区2-2');
});

test('bulk deals auto-mapped: related records as the API answers them ({ id }), grouped by deal type', async () => {
	const [typeA, typeB] = [...sim.store.dealTypes.values()];
	const customer = [...sim.store.customers.keys()][0];
	const user = [...sim.store.users.keys()][0];
	const row = (type: typeof typeA, name: string) => ({
		name,
		dealType: { id: type.id, name: type.name },
		expectedContractDate: '2026-12-25',
		customer: { id: customer },
		phase: type.phases[0].id,
		product: type.products[0].id,
		probability: type.probabilities[0].id,
		channel: String(type.channels[0].id),
		user,
		amount: 5000,
	});
	const input = [row(typeA, '自動A1'), row(typeB, '自動B1'), row(typeA, '自動A2')];
	const result = await runMazrica(
		mazricaCredentials(sim),
		{ resource: 'deal', operation: 'create', useBulkEndpoint: true, ...AUTO },
		input,
	);
	expect(result.error).toBeUndefined();
	const toA = sim.received({ method: 'POST', path: `/v1/deal_types/${typeA.id}/deals/bulk` });
	expect(toA).toHaveLength(1);
	expect((toA[0].body as { deals: IDataObject[] }).deals[0]).toEqual({
		name: '自動A1',
		dealType: { id: typeA.id },
		expectedContractDate: '2026-12-25',
		customer: { id: customer },
		phase: { id: typeA.phases[0].id },
		product: { id: typeA.products[0].id },
		probability: { id: typeA.probabilities[0].id },
		channel: { id: typeA.channels[0].id },
		user: { id: user },
		amount: 5000,
	});
	expect(
		sim.received({ method: 'POST', path: `/v1/deal_types/${typeB.id}/deals/bulk` }),
	).toHaveLength(1);
	const created = [...sim.store.deals.values()].filter((d) => d.name.startsWith('自動'));
	expect(created.map((d) => [d.name, d.dealTypeId, d.amount]).sort()).toEqual([
		['自動A1', typeA.id, 5000],
		['自動A2', typeA.id, 5000],
		['自動B1', typeB.id, 5000],
	]);
	expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
});

describe('bad input stops the node before any request, naming the field and the item', () => {
	const good = { name: 'A社', telNo: '03-0000-0000' };
	test.each([
		[
			'a bad value',
			{ name: 'B社', employee: 'many' },
			'"Employees" must be a number',
			`Received "many" for the input item's key "employee".`,
		],
		[
			'a required key missing',
			{ telNo: '03-0000-0001' },
			'"Name" is required',
			`Set "Name" (the input item's key "name") for POST /customers.`,
		],
		[
			"custom items not in the API's shape",
			{ name: 'B社', customerCustoms: { rank: 1 } },
			'Custom Fields (the input item\'s key "customerCustoms") must be an array of {"itemKey", "value"} objects',
			'',
		],
		[
			'keys that are no field of the operation',
			{ name: 'B社', tel: '03', employees: 3 },
			'Keys "tel", "employees" of the input item are not fields of POST /customers',
			'Keep only "name", "address", "telNo", "webUrl", "employee", "capital", "closingMonth", "ownerRoleId", "customerCustoms"',
		],
	])('%s', async (_, bad, message, description) => {
		for (const useBulkEndpoint of [false, true]) {
			sim.reset();
			const result = await runMazrica(
				mazricaCredentials(sim),
				{ resource: 'customer', operation: 'create', useBulkEndpoint, ...AUTO },
				[good, bad, good],
			);
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(message);
			expect(result.error?.description ?? '').toContain(description);
			expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
			// Per item, the first (good) item would have been sent before the bad one: bulk checks all first.
			expect(sim.received({ method: 'POST' })).toHaveLength(useBulkEndpoint ? 0 : 1);
		}
	});
});

test('with Continue On Fail, bulk writes the good rows once and each bad row gets its own error item', async () => {
	const input = [
		{ name: '自動社0' },
		{ name: '自動社1', closingMonth: 13 },
		{ name: '自動社2' },
		{ name: '自動社3', fax: '03' },
		{ address: '名無し' },
		{ name: '自動社5' },
	];
	const result = await runMazrica(
		mazricaCredentials(sim),
		{ resource: 'customer', operation: 'create', useBulkEndpoint: true, ...AUTO },
		input,
		true,
	);
	const calls = sim.received({ method: 'POST', path: '/v1/customers/bulk' });
	expect(calls).toHaveLength(1);
	expect((calls[0].body as { customers: IDataObject[] }).customers.map((c) => c.name)).toEqual([
		'自動社0',
		'自動社2',
		'自動社5',
	]);
	expect(storedCustomers('自動社')).toHaveLength(3);
	expect(result.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	expect(result.items.map((item) => item.json.error ?? item.json.name)).toEqual([
		'自動社0',
		'"Fiscal Closing Month" must be at most 12',
		'自動社2',
		'Key "fax" of the input item is not a field of POST /customers',
		'"Name" is required',
		'自動社5',
	]);
});

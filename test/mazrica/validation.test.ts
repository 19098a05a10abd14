import { mazricaProfile } from '../../nodes/Mazrica/transport/profile';
import { budgetKey, sharedThrottle } from '../../nodes/shared/transport';
import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials, runMazrica } from './setup';

/** Bad input is refused with the field's name before any request; vendor errors keep their words. */
const sim = serveDuringTests(new MazricaSimulator());

test.each([
	// An empty literal is caught by n8n's own parameter check; an expression that resolves empty is ours.
	[{ resource: 'customer', operation: 'create', name: '={{ "" }}' }, '"Name" is required'],
	[
		{
			resource: 'customer',
			operation: 'create',
			name: 'A社',
			additionalFields: { closingMonth: 13 },
		},
		'"Fiscal Closing Month" must be at most 12',
	],
	[
		{
			resource: 'customer',
			operation: 'create',
			name: 'A社',
			additionalFields: { employee: 'many' },
		},
		'"Employees" must be a number',
	],
	[{ resource: 'customer', operation: 'get', customerId: '={{ 0 }}' }, '"Customer" is required'],
	[
		{ resource: 'customer', operation: 'update', customerId: 'abc' },
		'"Customer" must be a whole-number ID',
	],
	[
		{ resource: 'customer', operation: 'search', filter: '{"compositeFilter": ' },
		'"Filter (JSON)" Filter (JSON) is not valid JSON',
	],
	[
		{
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { updatedAtFrom: 'yesterday-ish' },
		},
		'"Updated After" is not a date (use ISO 8601, e.g. 2026-04-01T10:30:00)',
	],
	[
		{
			resource: 'customer',
			operation: 'create',
			name: 'A社',
			customerCustomsMode: 'json',
			customerCustomsJson: '{"rank": 1}',
		},
		'Custom Fields (JSON) must be an array of {"itemKey", "value"} objects',
	],
	[
		{
			resource: 'customObjectRecord',
			operation: 'deleteMany',
			custom_object_def_key: 'contract',
			filters: {},
		},
		'Set at least one filter',
	],
])('%j → %s, nothing sent', async (parameters, message) => {
	const result = await runMazrica(mazricaCredentials(sim), parameters);
	expect(result.error?.message).toBe(message);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(sim.requests).toHaveLength(0);
});

test('a vendor 400 keeps the vendor message, adds a hint and keeps the pairing per item', async () => {
	const result = await runMazrica(
		mazricaCredentials(sim),
		{
			resource: 'customer',
			operation: 'create',
			name: '={{ $json.name }}',
			additionalFields: { ownerRoleId: '={{ $json.role }}' },
		},
		[
			{ name: 'A社', role: 1 },
			{ name: 'B社', role: 9999 },
		],
		true,
	);
	expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(result.items[0].json.id).toEqual(expect.any(Number));
	expect(String(result.items[1].json.error)).toMatch(/^Mazrica returned 400: .*ownerRoleId/);
	expect(String(result.items[1].json.description)).toContain('(POST /customers)');
});

test('a 404 says the record does not exist', async () => {
	const result = await runMazrica(mazricaCredentials(sim), {
		resource: 'customer',
		operation: 'get',
		customerId: 999999,
	});
	expect(result.error?.message).toMatch(/^Mazrica returned 404: /);
	expect(result.error?.description).toMatch(/does not exist/);
});

test('a plan without custom objects gets a 403 with the vendor wording and a plan hint', async () => {
	sim.setPlan(sim.apiKey, { customObjects: false });
	const result = await runMazrica(mazricaCredentials(sim), {
		resource: 'customObjectDefinition',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.error?.message).toBe(
		'Mazrica returned 403: カスタムオブジェクトが利用可能な契約プランではない',
	);
	expect(result.error?.description).toMatch(/plan/);
});

test('a wrong API key is a 401 that names the credential to fix, without the key', async () => {
	const result = await runMazrica(mazricaCredentials(sim, 'not-the-right-key-0000'), {
		resource: 'user',
		operation: 'getAll',
		returnAll: true,
	});
	expect(result.error?.message).toBe('Mazrica returned 401: invalid api key');
	expect(result.error?.description).toMatch(/API key/);
	expect(JSON.stringify(result.run)).not.toContain('not-the-right-key-0000');
});

test('when the daily quota is used up the node stops before sending, naming the UTC reset', async () => {
	// A key of its own: the pause lasts until 00:00 UTC for every credential holding the key.
	const setup = mazricaCredentials(sim, 'a-key-whose-quota-is-used-up');
	sharedThrottle.exhaustToday(
		budgetKey(mazricaProfile, { apiKey: setup.apiKey }, sim.baseUrl),
		mazricaProfile.throttle,
	);
	const result = await runMazrica(setup, {
		resource: 'user',
		operation: 'getAll',
		returnAll: true,
	});
	const reset = new Date();
	reset.setUTCHours(24, 0, 0, 0);
	expect(result.error?.message).toBe(
		`Mazrica daily quota of 10000 requests is used up for this credential until ${reset.toISOString()}`,
	);
	expect(sim.requests).toHaveLength(0);
});

describe('required IDs: no 0 default, 0 refused before sending', () => {
	const dealCreate = () => {
		const type = [...sim.store.dealTypes.values()][0];
		return {
			resource: 'deal',
			operation: 'create',
			dealType: type.id,
			name: '新規案件',
			expectedContractDate: '2026-12-24',
			phase: type.phases[0].id,
			product: type.products[0].id,
			probability: type.probabilities[0].id,
			channel: type.channels[0].id,
			user: [...sim.store.users.keys()][0],
		};
	};

	test('Deal → Create with the customer mapped to 0 stops naming the customer; nothing is sent', async () => {
		const result = await runMazrica(
			mazricaCredentials(sim),
			{ ...dealCreate(), customer: '={{ $json.customerId }}' },
			[{ customerId: 0 }],
		);
		expect(result.error?.message).toBe('"Customer" is required');
		expect(sim.received({ method: 'POST', path: '/v1/deals' })).toHaveLength(0);
	});

	test('Deal → Create with the customer left at 0 is refused by n8n itself; nothing is sent', async () => {
		const outcome = await runMazrica(mazricaCredentials(sim), {
			...dealCreate(),
			customer: 0,
		}).then(
			(result) => result.error?.message,
			(error: Error) => error.message,
		);
		expect(outcome).toMatch(/Customer/);
		expect(sim.received({ method: 'POST', path: '/v1/deals' })).toHaveLength(0);
	});

	test('an optional ID of 0 is refused, naming the field', async () => {
		const result = await runMazrica(mazricaCredentials(sim), {
			resource: 'dealAction',
			operation: 'getAll',
			returnAll: true,
			filters: { dealId: '={{ 0 }}' },
		});
		expect(result.error?.message).toBe('"Deal" must be an ID above 0');
		expect(sim.requests).toHaveLength(0);
	});

	test('0 stays allowed where Mazrica gives it a meaning (ownerRoleId 0 clears the owner role)', async () => {
		const customer = [...sim.store.customers.values()][0];
		const result = await runMazrica(mazricaCredentials(sim), {
			resource: 'customer',
			operation: 'update',
			customerId: customer.id,
			updateFields: { ownerRoleId: 0 },
		});
		expect(result.error).toBeUndefined();
		expect(sim.received({ method: 'PATCH' })[0].body).toEqual({ ownerRoleId: 0 });
	});
});

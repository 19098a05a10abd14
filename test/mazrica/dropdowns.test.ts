import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import { Mazrica } from '../../nodes/Mazrica/Mazrica.node';
import { callNodeMethod } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials } from './setup';

/** The dropdowns and the custom-field mapper, called as the n8n editor calls them. */
const sim = serveDuringTests(new MazricaSimulator());
const node = new Mazrica();

async function options(
	method: keyof typeof node.methods.loadOptions,
	parameters: Record<string, unknown> = {},
) {
	const setup = mazricaCredentials(sim);
	return await callNodeMethod<INodePropertyOptions[]>(
		{
			type: node,
			parameters: { resource: 'deal', operation: 'create', ...parameters } as never,
			credentials: setup.credentials,
		},
		setup.helper,
		node.methods.loadOptions[method] as (
			this: ILoadOptionsFunctions,
		) => Promise<INodePropertyOptions[]>,
	);
}

async function search(method: string, filter?: string, token?: string) {
	const setup = mazricaCredentials(sim);
	const list = node.methods.listSearch[method];
	return await callNodeMethod<INodeListSearchResult>(
		{
			type: node,
			parameters: { resource: 'deal', operation: 'create' } as never,
			credentials: setup.credentials,
		},
		setup.helper,
		async function (this: ILoadOptionsFunctions) {
			return await list.call(this, filter, token);
		},
	);
}

async function mapperFields(
	method: keyof typeof node.methods.resourceMapping,
	parameters: Record<string, unknown> = {},
) {
	const setup = mazricaCredentials(sim);
	return await callNodeMethod<ResourceMapperFields>(
		{ type: node, parameters: parameters as never, credentials: setup.credentials },
		setup.helper,
		node.methods.resourceMapping[method] as (
			this: ILoadOptionsFunctions,
		) => Promise<ResourceMapperFields>,
	);
}

test('users, roles and user groups list every record by name, across pages', async () => {
	sim.seed({ users: 130 });
	const users = await options('getUsers');
	expect(users).toHaveLength(130);
	expect(users.map((u) => u.value).sort((a, b) => Number(a) - Number(b))).toEqual([
		...sim.store.users.keys(),
	]);
	expect(sim.received({ path: '/v1/users' }).map((r) => r.query.page)).toEqual(['1', '2']);
	expect((await options('getRoles')).map((r) => r.name)).toContain('営業本部');
	expect((await search('searchUserGroup')).results).toHaveLength(sim.store.userGroups.size);
});

test('phases, products, probabilities and channels follow the chosen deal type', async () => {
	const [typeA, typeB] = [...sim.store.dealTypes.values()];
	const phasesA = await options('getPhases', { dealType: typeA.id });
	expect(phasesA.map((p) => p.value).sort()).toEqual(typeA.phases.map((p) => p.id).sort());
	const productsB = await options('getProducts', { updateFields: { dealType: typeB.id } });
	expect(productsB.map((p) => p.value).sort()).toEqual(typeB.products.map((p) => p.id).sort());
	expect((await options('getProbabilities', { dealType: typeA.id })).length).toBe(
		typeA.probabilities.length,
	);
	expect((await options('getChannels', { dealType: typeA.id })).length).toBe(typeA.channels.length);
	expect((await options('getEndPhaseReasons', { dealType: typeA.id })).length).toBe(
		typeA.endPhaseReasons.length,
	);
	expect((await search('searchDealType')).results).toEqual(
		expect.arrayContaining([
			{ name: typeA.name, value: typeA.id },
			{ name: typeB.name, value: typeB.id },
		]),
	);
});

test('action purposes and patterns come from the deal types', async () => {
	const purposes = await options('getActionPurposes');
	const allPurposes = new Set(
		[...sim.store.dealTypes.values()].flatMap((t) => t.purposes.map((p) => p.id)),
	);
	expect(new Set(purposes.map((p) => p.value))).toEqual(allPurposes);
	const patterns = await options('getActionPatterns');
	expect(patterns.length).toBeGreaterThan(0);
	for (const pattern of patterns)
		expect(sim.store.actionPatterns.get(Number(pattern.value))?.name).toBe(pattern.name);
});

test('custom object definitions and their fields are listed by key', async () => {
	expect((await options('getCustomObjectDefinitions')).map((d) => d.value).sort()).toEqual([
		'contract',
		'product_master',
	]);
	const fields = await options('getCustomObjectFields', { custom_object_def_key: 'contract' });
	expect(fields.map((f) => f.value).sort()).toEqual([
		'contractNo',
		'monthlyFee',
		'plan',
		'startDate',
	]);
	expect((await options('getActionCustomItems')).map((f) => f.value).sort()).toEqual([
		'meetingPlace',
		'reaction',
	]);
});

test('the custom-field mapper offers each custom item with its type and choices', async () => {
	const { fields } = await mapperFields('getCustomerCustomItems');
	const rank = fields.find((f) => f.id === 'rank');
	expect(rank?.type).toBe('options');
	expect(rank?.options?.map((o) => o.name)).toEqual(['A', 'B', 'C']);
	expect(fields.find((f) => f.id === 'firstDealDate')?.type).toBe('dateTime');
	expect(fields.find((f) => f.id === 'annualSales')?.type).toBe('number');

	const dealFields = await mapperFields('getDealCustomItems', {
		dealType: [...sim.store.dealTypes.keys()][0],
	});
	expect(dealFields.fields.length).toBeGreaterThan(0);

	const record = await mapperFields('getCustomObjectRecordFields', {
		custom_object_def_key: 'product_master',
	});
	expect(record.fields.map((f) => f.id)).toEqual([
		'productCode',
		'productName',
		'unitPrice',
		'releaseDate',
		'category',
		'tags',
	]);
	expect(record.fields.find((f) => f.id === 'category')?.options?.map((o) => o.value)).toEqual([
		'hardware',
		'software',
		'service',
	]);
});

describe('dropdowns a sales-ops user trusts', () => {
	const emptyLocator = { __rl: true, mode: 'list', value: '' };

	test("phases come in the deal type's pipeline order, not re-sorted", async () => {
		for (const type of sim.store.dealTypes.values()) {
			const phases = await options('getPhases', { dealType: type.id });
			expect(phases.map((p) => p.name)).toEqual(type.phases.map((p) => p.name));
			expect(phases.map((p) => p.value)).toEqual(type.phases.map((p) => p.id));
		}
	});

	test('without a deal type field, every deal type is listed and a name used by several says which', async () => {
		const [typeA, typeB] = [...sim.store.dealTypes.values()];
		const phases = await options('getPhases', { operation: 'update', updateFields: {} });
		const shared = typeA.phases.filter((p) => typeB.phases.some((q) => q.name === p.name));
		expect(shared.map((p) => p.name)).toEqual(expect.arrayContaining(['受注', '失注']));
		expect(phases.map((p) => p.name)).toEqual([
			...typeA.phases.map((p) =>
				shared.some((s) => s.name === p.name) ? `${p.name}（${typeA.name}）` : p.name,
			),
			...typeB.phases.map((p) =>
				shared.some((s) => s.name === p.name) ? `${p.name}（${typeB.name}）` : p.name,
			),
		]);
		expect(phases.find((p) => p.value === typeA.phases[5].id)?.name).toBe('受注（新規開拓）');
	});

	test('a dependent dropdown whose deal type is still empty says to choose it first', async () => {
		for (const method of ['getPhases', 'getProducts', 'getProbabilities', 'getChannels'] as const) {
			expect(await options(method, { dealType: emptyLocator })).toEqual([
				{ name: 'Choose a deal type first', value: '' },
			]);
		}
		expect(await options('getCustomObjectFields', { resource: 'customObjectField' })).toEqual([
			{ name: 'Choose a custom object definition first', value: '' },
		]);
		const mapped = await mapperFields('getCustomObjectRecordFields', {});
		expect(mapped).toEqual({
			fields: [],
			emptyFieldsNotice: 'Choose a custom object definition first',
		});
		expect(sim.requests).toHaveLength(0);
	});

	test('a dropdown opened before a credential is chosen explains instead of failing', async () => {
		const node = new Mazrica();
		const call = async <T>(method: (this: ILoadOptionsFunctions) => Promise<T>) =>
			await callNodeMethod<T>(
				{ type: node, parameters: { resource: 'deal', operation: 'create' } as never },
				mazricaCredentials(sim).helper,
				method,
			);
		for (const method of Object.values(node.methods.loadOptions)) {
			expect(await call(method as (this: ILoadOptionsFunctions) => Promise<unknown>)).toEqual([
				{ name: 'Select a Mazrica credential first', value: '' },
			]);
		}
		for (const method of Object.values(node.methods.resourceMapping)) {
			expect(await call(method as (this: ILoadOptionsFunctions) => Promise<unknown>)).toEqual({
				fields: [],
				emptyFieldsNotice: 'Select a Mazrica credential first',
			});
		}
		expect(sim.requests).toHaveLength(0);
	});
});

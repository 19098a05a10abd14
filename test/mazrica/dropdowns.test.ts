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

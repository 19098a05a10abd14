import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { Cyzen } from '../../nodes/Cyzen/Cyzen.node';
import { OPERATIONS } from '../../nodes/Cyzen/endpoints/index';
import { callNodeMethod } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { CyzenSimulator } from '../simulators/cyzen/cyzen-simulator';
import { cyzenCredentials, runCyzen } from './setup';

/** Bad input stops before any request; records are picked with resource locators; statuses are shown. */
const sim = serveDuringTests(new CyzenSimulator());
const node = new Cyzen();

test.each([
	[
		{ resource: 'spot', operation: 'create', spotCode: '={{ $json.code }}', spotName: 'x' },
		'Spot Code',
	],
	[{ resource: 'spot', operation: 'update', spotId: '={{ $json.spot }}' }, 'Spot'],
	[
		{
			resource: 'schedule',
			operation: 'create',
			startDate: 'soon',
			endDate: '2026-12-01T10:00:00Z',
			title: 't',
		},
		'Start',
	],
	[
		{
			resource: 'spotPhotoMetadata',
			operation: 'update',
			spotPhotoId: 'abc',
			metadata: '{not json',
		},
		'Metadata',
	],
	[
		{
			resource: 'spot',
			operation: 'create',
			spotCode: 'c',
			spotName: 'n',
			additionalFields: { latitude: 'north' },
		},
		'Latitude',
	],
	[
		{
			resource: 'report',
			operation: 'getAll',
			filters: { updatedFrom: '2026-12-01T00:00:00Z', updatedTo: '2026-11-01T00:00:00Z' },
		},
		'updated_to',
	],
])('%j is refused naming %s before any request', async (parameters, field) => {
	const result = await runCyzen(cyzenCredentials(sim), parameters);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toContain(field);
	expect(sim.received()).toHaveLength(0);
});

function walk(list: INodeProperties[], visit: (p: INodeProperties) => void) {
	for (const property of list) {
		visit(property);
		if (property.type === 'collection') walk(property.options as INodeProperties[], visit);
	}
}

test.each([
	['spotId', 'searchSpot'],
	['userId', 'searchUser'],
	['groupId', 'searchGroup'],
	['reportDefinitionId', 'searchReportDefinition'],
	['scheduleId', 'searchSchedule'],
])('%s is a resource locator: From List (%s, searchable) and By ID', (name, method) => {
	const found: INodeProperties[] = [];
	walk(node.description.properties, (p) => p.name === name && found.push(p));
	expect(found.length).toBeGreaterThan(0);
	for (const property of found) {
		expect(property.type).toBe('resourceLocator');
		expect(property.modes?.map((m) => m.name)).toEqual(['list', 'id']);
		expect(property.modes?.[0].typeOptions).toEqual({ searchListMethod: method, searchable: true });
	}
	expect(node.methods.listSearch[method]).toEqual(expect.any(Function));
});

async function search(method: string, filter?: string, token?: string) {
	const setup = cyzenCredentials(sim);
	return await callNodeMethod<INodeListSearchResult>(
		{
			type: node,
			parameters: { resource: 'spot', operation: 'update' } as never,
			credentials: setup.credentials,
		},
		setup.helper,
		async function (this: ILoadOptionsFunctions) {
			return await node.methods.listSearch[method].call(this, filter, token);
		},
	);
}

test('spots are listed page by page with the next_spot_id cursor, by name, and filtered by what is typed', async () => {
	const first = await search('searchSpot');
	expect(first.results).toHaveLength(200);
	expect(first.paginationToken).toEqual(expect.any(String));
	const second = await search('searchSpot', undefined, first.paginationToken);
	expect(second.results.length).toBe(sim.store.spots.size - 200);
	expect(second.paginationToken).toBeUndefined();
	const spot = [...sim.store.spots.values()][0];
	expect([...first.results, ...second.results]).toContainEqual({
		name: spot.spot_name,
		value: spot.spot_id,
	});
	const typed = await search('searchSpot', spot.spot_name.slice(0, 6));
	expect(typed.results.every((r) => r.name.includes(spot.spot_name.slice(0, 6)))).toBe(true);
});

test('users and report definitions are listed by name', async () => {
	const users = await search('searchUser');
	expect(users.results).toHaveLength(sim.store.users.size);
	const definitions = await search('searchReportDefinition');
	expect(definitions.results.map((r) => r.value).sort()).toEqual(
		[...sim.store.reportDefinitions.keys()].sort(),
	);
});

test('every operation shows its path status in its description, and the subtitle is words', () => {
	const operations = node.description.properties.filter((p) => p.name === 'operation');
	const described = operations.flatMap(
		(p) => (p.options ?? []) as Array<{ value: string; description: string }>,
	);
	for (const endpoint of OPERATIONS.filter((e) => e.status)) {
		expect(described.map((o) => o.description)).toContain(
			`${endpoint.description} [${endpoint.status} path]`,
		);
	}
	expect(node.description.subtitle).toContain('"spot:getAll":"Get Many: Spot (スポット)"');
});

import type { INodeProperties } from 'n8n-workflow';

import { Mazrica } from '../../nodes/Mazrica/Mazrica.node';
import { bulkTwin, OPERATIONS } from '../../nodes/Mazrica/endpoints/catalog';
import { ENDPOINTS } from '../../nodes/Mazrica/endpoints/index';

/**
 * The node's parameters are generated from the endpoint table, so n8n-node lint (which reads
 * source literals) cannot check them. These tests hold the generated description to the same
 * conventions the lint rules encode, and check that all 74 documented endpoints are reachable.
 */
const properties = new Mazrica().description.properties;

function walk(list: INodeProperties[], visit: (p: INodeProperties) => void) {
	for (const property of list) {
		visit(property);
		if (property.type === 'collection' && property.options)
			walk(property.options as INodeProperties[], visit);
	}
}

test('all 74 documented endpoints are reachable: as operations or as the bulk form of one', () => {
	expect(ENDPOINTS).toHaveLength(74);
	const reachable = new Set(OPERATIONS.map((e) => `${e.method} ${e.path}`));
	for (const operation of OPERATIONS) {
		const bulk = bulkTwin(operation);
		if (bulk) reachable.add(`${bulk.method} ${bulk.path}`);
	}
	expect([...reachable].sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
	const counts = ENDPOINTS.reduce<Record<string, number>>(
		(acc, e) => ({ ...acc, [e.method]: (acc[e.method] ?? 0) + 1 }),
		{},
	);
	expect(counts).toEqual({ GET: 28, POST: 20, PATCH: 13, DELETE: 13 });
});

test('every resource has an operation dropdown listing exactly its operations, sorted', () => {
	const resource = properties.find((p) => p.name === 'resource');
	const resources = (resource?.options ?? []) as Array<{ name: string; value: string }>;
	expect(resources.map((r) => r.name)).toEqual(
		[...resources.map((r) => r.name)].sort((a, b) => a.localeCompare(b)),
	);
	for (const { value } of resources) {
		const dropdown = properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === value,
		);
		const options = (dropdown?.options ?? []) as Array<{
			name: string;
			value: string;
			action: string;
		}>;
		expect(options.map((o) => o.value).sort()).toEqual(
			OPERATIONS.filter((e) => e.resource === value)
				.map((e) => e.operation)
				.sort(),
		);
		expect(options.map((o) => o.name)).toEqual(
			[...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
		);
		for (const option of options) expect(option.action).toMatch(/^[A-Z]/);
		expect(dropdown?.noDataExpression).toBe(true);
	}
});

test('parameters follow n8n conventions', () => {
	walk(properties, (property) => {
		if (property.typeOptions?.loadOptionsMethod) {
			expect(property.displayName).toMatch(/Names? or IDs?$/);
			expect(property.description).toMatch(/specify an ID using an <a href/);
		}
		if (property.type === 'boolean' && property.name !== 'returnAll') {
			expect(property.description ?? '').toMatch(/^Whether /);
		}
		if (property.name === 'limit') {
			expect(property.default).toBe(50);
			expect(property.description).toBe('Max number of results to return');
		}
		if (property.name === 'returnAll') {
			expect(property.description).toBe(
				'Whether to return all results or only up to a given limit',
			);
		}
		if (property.type === 'collection') {
			const names = (property.options as INodeProperties[]).map((o) => o.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
		if (
			property.type === 'options' &&
			Array.isArray(property.options) &&
			property.name !== 'operation' &&
			property.name !== 'resource'
		) {
			const names = (property.options as Array<{ name: string }>).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});

test('no two parameters with the same name are shown together with different types', () => {
	const seen = new Map<string, string>();
	for (const property of properties) {
		const show = property.displayOptions?.show;
		const key = `${show?.resource?.[0]}:${show?.operation?.[0]}:${property.name}:${JSON.stringify(show)}`;
		expect(seen.has(key)).toBe(false);
		seen.set(key, property.type);
	}
});

test('Get Many of deals pages with limit=1000 and other lists with 100', () => {
	const deals = OPERATIONS.find((e) => e.resource === 'deal' && e.operation === 'getAll');
	expect(deals?.paged).toEqual(
		expect.objectContaining({ pageSize: 100, maxPageSizeViaLimit: 1000 }),
	);
	const audits = OPERATIONS.find((e) => e.path === '/audits');
	expect(audits?.paged?.pageSize).toBe(1000);
});

test("every write operation warns that n8n's Retry On Fail re-sends the whole node; reads do not", () => {
	const isWrite = (e: (typeof OPERATIONS)[number]) =>
		e.method !== 'GET' && e.operation !== 'search';
	const warned = new Set(
		properties
			.filter((p) => p.name === 'retryOnFailNotice' && p.type === 'notice')
			.map(
				(p) => `${p.displayOptions?.show?.resource?.[0]}:${p.displayOptions?.show?.operation?.[0]}`,
			),
	);
	const writes = OPERATIONS.filter(isWrite).map((e) => `${e.resource}:${e.operation}`);
	expect(writes.length).toBeGreaterThan(30);
	expect([...warned].sort()).toEqual(writes.sort());
	const notice = properties.find((p) => p.name === 'retryOnFailNotice');
	expect(notice?.displayName).toMatch(/Retry On Fail/);
});

test('one parameter name has one type across all operations (collection fields included)', () => {
	const types = new Map<string, Set<string>>();
	const note = (path: string, property: INodeProperties) => {
		// A resource locator's list says which record it names: one name, one kind of record.
		const list = property.modes?.find((mode) => mode.name === 'list')?.typeOptions
			?.searchListMethod;
		const type = list ? `${property.type}(${list})` : property.type;
		types.set(path, new Set([...(types.get(path) ?? []), type]));
	};
	for (const property of properties) {
		note(property.name, property);
		if (property.type === 'collection')
			for (const option of property.options as INodeProperties[])
				note(`${property.name}.${option.name}`, option);
	}
	const clashes = [...types]
		.filter(([, seen]) => seen.size > 1)
		.map(([name, seen]) => `${name}: ${[...seen].join(' / ')}`);
	expect(clashes).toEqual([]);
});

test('no ID parameter is a number box (its 0 default names no record)', () => {
	const numberIds: string[] = [];
	walk(properties, (property) => {
		if (property.type === 'number' && /\bIDs?\b/.test(property.displayName))
			numberIds.push(`${property.displayOptions?.show?.resource?.[0]}:${property.name}`);
	});
	expect(numberIds).toEqual([]);
});

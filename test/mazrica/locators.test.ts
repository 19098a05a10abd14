import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { Mazrica } from '../../nodes/Mazrica/Mazrica.node';
import { callNodeMethod } from '../harness';
import { serveDuringTests } from '../kit/lifecycle';
import { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';
import { mazricaCredentials } from './setup';

/**
 * Records Mazrica can list are picked as n8n's v2 nodes pick them: a resource locator with a
 * searchable, paginated *From List* and *By ID* (old plain values keep working, see
 * operation-cases.ts, which passes both).
 */
const sim = serveDuringTests(new MazricaSimulator());
const node = new Mazrica();

function walk(list: INodeProperties[], visit: (p: INodeProperties) => void) {
	for (const property of list) {
		visit(property);
		if (property.type === 'collection') walk(property.options as INodeProperties[], visit);
	}
}

async function search(method: string, filter?: string, token?: string, withCredential = true) {
	const setup = mazricaCredentials(sim);
	return await callNodeMethod<INodeListSearchResult>(
		{
			type: node,
			parameters: { resource: 'deal', operation: 'create' } as never,
			credentials: withCredential ? setup.credentials : undefined,
		},
		setup.helper,
		async function (this: ILoadOptionsFunctions) {
			return await node.methods.listSearch[method].call(this, filter, token);
		},
	);
}

test.each([
	['customer', 'searchCustomer'],
	['customerId', 'searchCustomer'],
	['deal', 'searchDeal'],
	['dealId', 'searchDeal'],
	['contactId', 'searchContact'],
	['user', 'searchUser'],
	['creator', 'searchUser'],
	['userId', 'searchUser'],
	['userGroupId', 'searchUserGroup'],
	['dealType', 'searchDealType'],
	['dealTypeId', 'searchDealType'],
	['bulk_dealTypeId', 'searchDealType'],
	['custom_object_def_key', 'searchCustomObjectDefinition'],
])('%s is a resource locator: From List (%s) and By ID', (name, method) => {
	const found: INodeProperties[] = [];
	walk(node.description.properties, (p) => p.name === name && found.push(p));
	expect(found.length).toBeGreaterThan(0);
	for (const property of found) {
		expect(property.type).toBe('resourceLocator');
		expect(property.modes?.map((m) => m.name)).toEqual(['list', 'id']);
		const list = property.modes?.[0];
		expect(list?.typeOptions).toEqual({ searchListMethod: method, searchable: true });
		expect(typeof node.methods.listSearch[method]).toBe('function');
	}
});

test('customers are listed 100 a page, the next page by token, searched by the vendor', async () => {
	const first = await search('searchCustomer');
	expect(first.results).toHaveLength(100);
	expect(first.paginationToken).toBe('2');
	const second = await search('searchCustomer', undefined, first.paginationToken);
	expect(second.results).toHaveLength(sim.store.customers.size - 100);
	expect(second.paginationToken).toBeUndefined();
	const ids = [...first.results, ...second.results].map((r) => r.value);
	expect(new Set(ids).size).toBe(sim.store.customers.size);

	const customer = [...sim.store.customers.values()][7];
	const typed = customer.name.slice(-4);
	const found = await search('searchCustomer', typed);
	expect(sim.received({ path: '/v1/customers' }).at(-1)?.query.searchWord).toBe(typed);
	expect(found.results).toContainEqual({ name: customer.name, value: customer.id });
	for (const result of found.results) expect(result.name).toContain(typed);
});

test('lists without a search parameter are filtered by name here', async () => {
	const user = [...sim.store.users.values()][2];
	const found = await search('searchUser', user.name);
	expect(found.results).toContainEqual({ name: user.name, value: user.id });
	expect(sim.received({ path: '/v1/users' }).at(-1)?.query.searchWord).toBeUndefined();
});

test('custom object definitions are listed by key', async () => {
	const found = await search('searchCustomObjectDefinition');
	expect(found.results.map((r) => r.value).sort()).toEqual(['contract', 'product_master']);
});

test('a list opened before a credential is chosen explains, and sends nothing', async () => {
	const found = await search('searchCustomer', undefined, undefined, false);
	expect(found.results).toEqual([{ name: 'Select a Mazrica credential first', value: '' }]);
	expect(sim.requests).toHaveLength(0);
});

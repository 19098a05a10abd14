import { request } from 'undici';

import { serveDuringTests } from '../../kit/lifecycle';
import { MazricaSimulator } from './mazrica-simulator';
import { call, type ErrorJson } from './test-client';

/** Every endpoint of the §11 index is routed (none falls through to the kit's "No route" 404). */
const sim = serveDuringTests(new MazricaSimulator({ rateLimit: false }));

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** [method, documented path, concrete path, body] — in §11 order. Deletes run on their own ids. */
function endpoints(): Array<[Method, string, string, unknown?]> {
	const actions = [...sim.store.actions.values()];
	const customerAction = actions.find((a) => a.kind === 'customer');
	const dealActions = actions.filter((a) => a.kind === 'deal');
	const contactActions = actions.filter((a) => a.kind === 'contact');
	const ca = `${customerAction?.customerId}/actions/${customerAction?.id}`;
	const cta = (i: number) => `${contactActions[i].contactId}/actions/${contactActions[i].id}`;
	const [linkedDeal, linkedContact] =
		[...sim.store.dealContacts]
			.map(([d, set]) => [d, [...set][0]])
			.find(([, c]) => c !== undefined) ?? [];
	return [
		['GET', '/domains/settings', '/domains/settings'],
		['GET', '/users', '/users'],
		['GET', '/user_groups', '/user_groups'],
		['PATCH', '/user_groups/{id}', '/user_groups/1', { name: '営業1課' }],
		['POST', '/user_groups/{userGroupId}/users', '/user_groups/1/users', { userId: 9 }],
		['DELETE', '/user_groups/{userGroupId}/users/{userId}', '/user_groups/1/users/9'],
		[
			'PATCH',
			'/user_groups/{userGroupId}/users/bulk',
			'/user_groups/1/users/bulk',
			{ userIds: [2] },
		],
		['GET', '/roles', '/roles'],
		['GET', '/action_setting', '/action_setting'],
		[
			'POST',
			'/action_custom_items',
			'/action_custom_items',
			{ name: '温度感', itemKey: 'heat', itemType: 'text' },
		],
		['PATCH', '/action_custom_items/{item_key}', '/action_custom_items/heat', { name: '温度' }],
		['DELETE', '/action_custom_items/{item_key}', '/action_custom_items/heat'],
		['GET', '/customer_setting', '/customer_setting'],
		['GET', '/customers', '/customers'],
		['POST', '/customers', '/customers', { name: '株式会社ルート' }],
		[
			'POST',
			'/customers/search',
			'/customers/search',
			{ filter: { valueFilter: { field: 'id', op: 'EQUAL', value: 1 } } },
		],
		['GET', '/customers/{id}', '/customers/1'],
		['PATCH', '/customers/{id}', '/customers/1', { memo: 'ignored field' }],
		['DELETE', '/customers/{id}', '/customers/150'],
		['POST', '/customers/bulk', '/customers/bulk', { customers: [{ name: '一括' }] }],
		['GET', '/customers/{customerId}/actions', '/customers/all/actions'],
		[
			'POST',
			'/customers/{customerId}/actions',
			'/customers/1/actions',
			{
				startDatetime: '2025-01-01T10:00',
				endDatetime: '2025-01-01T11:00',
				creator: { id: 1 },
				pattern: { id: 1 },
			},
		],
		['GET', '/customers/{customerId}/actions/{id}', `/customers/${ca}`],
		['PATCH', '/customers/{customerId}/actions/{id}', `/customers/${ca}`, { result: '済' }],
		['DELETE', '/customers/{customerId}/actions/{id}', `/customers/${ca}`],
		['POST', '/customers/actions/bulk', '/customers/actions/bulk', { actions: [] }],
		['GET', '/deal_setting/deal_types', '/deal_setting/deal_types'],
		['GET', '/deal_setting/deal_types/{id}', '/deal_setting/deal_types/1'],
		['GET', '/deals', '/deals'],
		['POST', '/deals', '/deals', {}],
		['GET', '/deals/{id}', '/deals/1'],
		['PATCH', '/deals/{id}', '/deals/1', { amount: 1 }],
		['DELETE', '/deals/{id}', '/deals/2'],
		['POST', '/deal_types/{deal_type_id}/deals/bulk', '/deal_types/1/deals/bulk', { deals: [] }],
		['PATCH', '/deal_types/{deal_type_id}/deals/bulk', '/deal_types/1/deals/bulk', { deals: [] }],
		['GET', '/deals/{dealId}/contacts', `/deals/${linkedDeal}/contacts`],
		['POST', '/deals/{dealId}/contacts/{contactId}', '/deals/1/contacts/299'],
		[
			'DELETE',
			'/deals/{dealId}/contacts/{contactId}',
			`/deals/${linkedDeal}/contacts/${linkedContact}`,
		],
		['GET', '/actions', '/actions'],
		['POST', '/actions', '/actions', {}],
		['GET', '/actions/{id}', `/actions/${dealActions[0].id}`],
		['PATCH', '/actions/{id}', `/actions/${dealActions[0].id}`, {}],
		['DELETE', '/actions/{id}', `/actions/${dealActions[1].id}`],
		['POST', '/actions/bulk', '/actions/bulk', { dealTypeId: 1, actions: [] }],
		['GET', '/contact_setting', '/contact_setting'],
		['GET', '/contacts', '/contacts'],
		['POST', '/contacts', '/contacts', { name: '鈴木 一郎' }],
		[
			'POST',
			'/contacts/search',
			'/contacts/search',
			{ filter: { valueFilter: { field: 'id', op: 'EQUAL', value: 1 } } },
		],
		['GET', '/contacts/{id}', '/contacts/3'],
		['PATCH', '/contacts/{id}', '/contacts/3', { dept: '営業部' }],
		['DELETE', '/contacts/{id}', '/contacts/298'],
		['GET', '/contacts/{contactId}/actions', '/contacts/all/actions'],
		[
			'POST',
			'/contacts/{contactId}/actions',
			'/contacts/3/actions',
			{
				startDatetime: '2025-01-01T10:00',
				endDatetime: '2025-01-01T11:00',
				creator: { id: 1 },
				pattern: { id: 1 },
			},
		],
		['GET', '/contacts/{contactId}/actions/{id}', `/contacts/${cta(0)}`],
		['PATCH', '/contacts/{contactId}/actions/{id}', `/contacts/${cta(0)}`, { result: '済' }],
		['DELETE', '/contacts/{contactId}/actions/{id}', `/contacts/${cta(1)}`],
		['POST', '/contacts/actions/bulk', '/contacts/actions/bulk', { actions: [] }],
		['GET', '/lifecycle_stage_setting', '/lifecycle_stage_setting'],
		['GET', '/custom_object_defs', '/custom_object_defs'],
		['POST', '/custom_object_defs', '/custom_object_defs', { name: '訪問記録', key: 'visit' }],
		['GET', '/custom_object_defs/{key}', '/custom_object_defs/visit'],
		['PATCH', '/custom_object_defs/{key}', '/custom_object_defs/visit', { name: '訪問ログ' }],
		['DELETE', '/custom_object_defs/{key}', '/custom_object_defs/visit'],
		[
			'POST',
			'/custom_object_defs/{k}/custom_object_item_defs',
			'/custom_object_defs/contract/custom_object_item_defs',
			{ name: '備考', key: 'note', itemType: 'text' },
		],
		[
			'PATCH',
			'/custom_object_defs/{k}/custom_object_item_defs/{key}',
			'/custom_object_defs/contract/custom_object_item_defs/note',
			{ name: 'メモ' },
		],
		[
			'DELETE',
			'/custom_object_defs/{k}/custom_object_item_defs/{key}',
			'/custom_object_defs/contract/custom_object_item_defs/note',
		],
		[
			'GET',
			'/custom_object_defs/{k}/custom_objects',
			'/custom_object_defs/contract/custom_objects',
		],
		[
			'POST',
			'/custom_object_defs/{k}/custom_objects',
			'/custom_object_defs/contract/custom_objects',
			{ contractNo: 'C-1' },
		],
		[
			'GET',
			'/custom_object_defs/{k}/custom_objects/{id}',
			'/custom_object_defs/product_master/custom_objects/1',
		],
		[
			'PATCH',
			'/custom_object_defs/{k}/custom_objects/{id}',
			'/custom_object_defs/product_master/custom_objects/1',
			{ productName: '改' },
		],
		[
			'DELETE',
			'/custom_object_defs/{k}/custom_objects/{id}',
			'/custom_object_defs/product_master/custom_objects/2',
		],
		[
			'POST',
			'/custom_object_defs/{k}/custom_objects/bulk',
			'/custom_object_defs/contract/custom_objects/bulk',
			{ customObjects: [{ contractNo: 'C-2' }] },
		],
		[
			'DELETE',
			'/custom_object_defs/{k}/custom_objects/bulk',
			'/custom_object_defs/contract/custom_objects/bulk?createdAtFrom=2100-01-01T00:00:00',
		],
		['GET', '/audits', '/audits'],
	];
}

test('all 74 endpoints are routed and answer with a vendor status', async () => {
	const list = endpoints();
	expect(list).toHaveLength(74);
	expect(new Set(list.map(([method, path]) => `${method} ${path}`)).size).toBe(74);
	const counts = { GET: 0, POST: 0, PATCH: 0, DELETE: 0 };
	for (const [method, , path, body] of list) {
		counts[method] += 1;
		const res = await call<ErrorJson | undefined>(sim, method, path, { body });
		const noRoute = res.status === 404 && (res.json?.messages?.[0] ?? '').startsWith('No route');
		expect([method, path, noRoute]).toEqual([method, path, false]);
		expect([method, path, res.status < 500]).toEqual([method, path, true]);
		// bodies, when present, are JSON
		if (res.text) expect(() => JSON.parse(res.text)).not.toThrow();
	}
	expect(counts).toEqual({ GET: 28, POST: 20, PATCH: 13, DELETE: 13 });
});

test('create endpoints answer 201, everything else 200', async () => {
	const statuses: Array<[string, number]> = [];
	for (const [method, , path, body] of endpoints()) {
		const res = await call(sim, method, path, { body });
		if (res.status < 300) statuses.push([`${method} ${path.split('?')[0]}`, res.status]);
	}
	const created = statuses.filter(([, s]) => s === 201).map(([name]) => name);
	expect(created).toEqual([
		'POST /action_custom_items',
		'POST /customers',
		'POST /customers/1/actions',
		'POST /deals/1/contacts/299',
		'POST /contacts',
		'POST /contacts/3/actions',
		'POST /custom_object_defs',
		'POST /custom_object_defs/contract/custom_object_item_defs',
		'POST /custom_object_defs/contract/custom_objects',
	]);
	// search, bulk and the member POST answer 200
	expect(statuses).toEqual(
		expect.arrayContaining([
			['POST /customers/search', 200],
			['POST /customers/bulk', 200],
			['POST /user_groups/1/users', 200],
		]),
	);
});

test('outside /v1 there is no API', async () => {
	const res = await request(`${sim.url}/customers`, { headers: { 'x-api-key': sim.apiKey } });
	expect(res.statusCode).toBe(404);
	await res.body.text();
});

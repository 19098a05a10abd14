import type { IDataObject } from 'n8n-workflow';

import type { MazricaSimulator } from '../simulators/mazrica/mazrica-simulator';

/** One operation run through the node, and the request the simulator must have received for it. */
export interface OperationCase {
	resource: string;
	operation: string;
	parameters: IDataObject;
	request: { method: string; path: string; query?: IDataObject; body?: IDataObject };
	/** Extra checks on the node's output items and the simulator's state afterwards. */
	verify?: (items: IDataObject[], sim: MazricaSimulator) => void;
}

function first<T>(values: Iterable<T>, where: (value: T) => boolean = () => true): T {
	for (const value of values) if (where(value)) return value;
	throw new Error('no matching seeded record');
}

/** A resource locator value as the editor saves it; other cases pass plain IDs, as older workflows do. */
const fromList = (value: number | string) => ({ __rl: true, mode: 'list', value });
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

const mapper = (value: IDataObject) => ({
	mappingMode: 'defineBelow',
	value,
	schema: [],
	matchingColumns: [],
});

/**
 * Every Mazrica operation, with parameters a user would set in the editor, built from the
 * simulator's seeded tenant. Shared by the operations test and the README's operations table.
 */
export function operationCases(sim: MazricaSimulator): OperationCase[] {
	const s = sim.store;
	const dealType = first(s.dealTypes.values());
	const deal = first(
		s.deals.values(),
		(d) => d.dealTypeId === dealType.id && (s.dealContacts.get(d.id)?.size ?? 0) > 0,
	);
	const linkedContact = first(s.dealContacts.get(deal.id) ?? []);
	const unlinkedContact = first(
		s.contacts.values(),
		(c) => !(s.dealContacts.get(deal.id)?.has(c.id) ?? false),
	);
	const customer = first(s.customers.values(), (c) =>
		[...s.actions.values()].some((a) => a.kind === 'customer' && a.customerId === c.id),
	);
	const customerAction = first(
		s.actions.values(),
		(a) => a.kind === 'customer' && a.customerId === customer.id,
	);
	const dealAction = first(s.actions.values(), (a) => a.kind === 'deal');
	const contactAction = first(s.actions.values(), (a) => a.kind === 'contact');
	const contact = first(s.contacts.values());
	const group = first(s.userGroups.values(), (g) => g.userIds.length > 0);
	const member = group.userIds[0];
	const outsider = first(s.users.keys(), (id) => !group.userIds.includes(id));
	const pattern = first(s.actionPatterns.values());
	const rank = first(s.customerCustomItems, (d) => d.itemKey === 'rank').options[0];
	const productRecord = first(s.customObjects.values(), (r) => r.defKey === 'product_master');
	const user = first(s.users.keys());
	const base = '/v1';

	return [
		{
			resource: 'team',
			operation: 'getSettings',
			parameters: {},
			request: { method: 'GET', path: `${base}/domains/settings` },
		},
		{
			resource: 'user',
			operation: 'getAll',
			parameters: { returnAll: false, limit: 5 },
			request: { method: 'GET', path: `${base}/users`, query: { page: '1' } },
			verify: (items) => expect(items).toHaveLength(5),
		},
		{
			resource: 'userGroup',
			operation: 'getAll',
			parameters: { returnAll: true, filters: { userId: member } },
			request: { method: 'GET', path: `${base}/user_groups`, query: { userId: String(member) } },
			verify: (items) => expect(items.length).toBeGreaterThan(0),
		},
		{
			resource: 'userGroup',
			operation: 'update',
			parameters: { userGroupId: fromList(group.id), updateFields: { name: '第一営業グループ' } },
			request: {
				method: 'PATCH',
				path: `${base}/user_groups/${group.id}`,
				body: { name: '第一営業グループ' },
			},
			verify: (_, sim) => expect(sim.store.userGroups.get(group.id)?.name).toBe('第一営業グループ'),
		},
		{
			resource: 'userGroup',
			operation: 'addUser',
			parameters: { userGroupId: byId(group.id), additionalFields: { userId: fromList(outsider) } },
			request: {
				method: 'POST',
				path: `${base}/user_groups/${group.id}/users`,
				body: { userId: outsider },
			},
			verify: (_, sim) => expect(sim.store.userGroups.get(group.id)?.userIds).toContain(outsider),
		},
		{
			resource: 'userGroup',
			operation: 'removeUser',
			parameters: { userGroupId: group.id, userId: member },
			request: { method: 'DELETE', path: `${base}/user_groups/${group.id}/users/${member}` },
			verify: (_, sim) => expect(sim.store.userGroups.get(group.id)?.userIds).not.toContain(member),
		},
		{
			resource: 'userGroup',
			operation: 'setUsers',
			parameters: { userGroupId: group.id, updateFields: { userIds: [outsider, member] } },
			request: {
				method: 'PATCH',
				path: `${base}/user_groups/${group.id}/users/bulk`,
				body: { userIds: [outsider, member] },
			},
		},
		{
			resource: 'role',
			operation: 'getAll',
			parameters: { returnAll: true },
			request: { method: 'GET', path: `${base}/roles` },
		},
		{
			resource: 'actionSetting',
			operation: 'get',
			parameters: {},
			request: { method: 'GET', path: `${base}/action_setting` },
		},
		{
			resource: 'actionCustomField',
			operation: 'create',
			parameters: {
				name: 'フォロー要否',
				itemType: 'text',
				additionalFields: { itemKey: 'followUp' },
			},
			request: {
				method: 'POST',
				path: `${base}/action_custom_items`,
				body: { name: 'フォロー要否', itemType: 'text', itemKey: 'followUp' },
			},
		},
		{
			resource: 'actionCustomField',
			operation: 'update',
			parameters: { item_key: 'meetingPlace', updateFields: { name: '訪問場所' } },
			request: {
				method: 'PATCH',
				path: `${base}/action_custom_items/meetingPlace`,
				body: { name: '訪問場所' },
			},
		},
		{
			resource: 'actionCustomField',
			operation: 'delete',
			parameters: { item_key: 'reaction' },
			request: { method: 'DELETE', path: `${base}/action_custom_items/reaction` },
		},
		{
			resource: 'customerSetting',
			operation: 'get',
			parameters: {},
			request: { method: 'GET', path: `${base}/customer_setting` },
		},
		{
			resource: 'customer',
			operation: 'getAll',
			parameters: {
				returnAll: true,
				filters: {
					searchWord: '株式会社',
					sort: 'updatedAt',
					updatedAtFrom: '2024-06-01T00:00:00+09:00',
				},
			},
			request: {
				method: 'GET',
				path: `${base}/customers`,
				query: { searchWord: '株式会社', sort: 'updatedAt', updatedAtFrom: '2024-06-01T00:00:00' },
			},
			verify: (items) => {
				expect(items.length).toBeGreaterThan(0);
				for (const item of items) expect(String(item.name)).toContain('株式会社');
				const times = items.map((i) => Date.parse(String(i.updatedAt)));
				expect(times).toEqual([...times].sort((a, b) => a - b));
				expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2024-06-01T00:00:00+09:00'));
			},
		},
		{
			resource: 'customer',
			operation: 'create',
			parameters: {
				name: '株式会社テスト商事',
				additionalFields: { telNo: '03-1234-5678', closingMonth: 3 },
				customerCustomsMode: 'mapper',
				customerCustoms: mapper({ rank: rank.id, note: '展示会で名刺交換' }),
			},
			request: {
				method: 'POST',
				path: `${base}/customers`,
				body: {
					name: '株式会社テスト商事',
					telNo: '03-1234-5678',
					closingMonth: 3,
					customerCustoms: [
						{ itemKey: 'rank', value: rank.id },
						{ itemKey: 'note', value: '展示会で名刺交換' },
					],
				},
			},
			verify: (items, sim) => {
				const created = sim.store.customers.get(Number(items[0].id));
				expect(created?.name).toBe('株式会社テスト商事');
				expect(created?.customs).toEqual(
					expect.arrayContaining([{ itemKey: 'rank', value: rank.id }]),
				);
			},
		},
		{
			resource: 'customer',
			operation: 'search',
			parameters: {
				filter: JSON.stringify({
					compositeFilter: {
						op: 'AND',
						filters: [{ valueFilter: { field: 'name', op: 'CONTAINS', value: '商事' } }],
					},
				}),
				returnAll: true,
			},
			request: { method: 'POST', path: `${base}/customers/search`, body: { page: 1 } },
			verify: (items) => {
				expect(items.length).toBeGreaterThan(0);
				for (const item of items) expect(String(item.name)).toContain('商事');
			},
		},
		{
			resource: 'customer',
			operation: 'get',
			parameters: { customerId: fromList(customer.id) },
			request: { method: 'GET', path: `${base}/customers/${customer.id}` },
			verify: (items) => expect(items[0].id).toBe(customer.id),
		},
		{
			resource: 'customer',
			operation: 'update',
			parameters: {
				customerId: byId(customer.id),
				updateFields: { address: '大阪府大阪市北区梅田1-1-1' },
			},
			request: {
				method: 'PATCH',
				path: `${base}/customers/${customer.id}`,
				body: { address: '大阪府大阪市北区梅田1-1-1' },
			},
			verify: (_, sim) =>
				expect(sim.store.customers.get(customer.id)?.address).toBe('大阪府大阪市北区梅田1-1-1'),
		},
		{
			resource: 'customer',
			operation: 'delete',
			parameters: { customerId: customer.id },
			request: { method: 'DELETE', path: `${base}/customers/${customer.id}` },
			verify: (items, sim) => {
				expect(items[0]).toEqual({ success: true, id: customer.id });
				expect(sim.store.customers.has(customer.id)).toBe(false);
			},
		},
		{
			resource: 'customerAction',
			operation: 'getAll',
			parameters: {
				customerId: byId('all'),
				returnAll: false,
				limit: 10,
				filters: { active: false },
			},
			request: { method: 'GET', path: `${base}/customers/all/actions`, query: { active: 'false' } },
			verify: (items) => {
				expect(items).toHaveLength(10);
				for (const item of items) expect(item.active).toBe(false);
			},
		},
		{
			resource: 'customerAction',
			operation: 'create',
			parameters: {
				customerId: fromList(customer.id),
				startDatetime: '2026-12-01T10:00:00+09:00',
				endDatetime: '2026-12-01T11:00:00+09:00',
				creator: fromList(user),
				pattern: pattern.id,
				additionalFields: { preNote: '定例訪問' },
			},
			request: {
				method: 'POST',
				path: `${base}/customers/${customer.id}/actions`,
				body: {
					startDatetime: '2026-12-01T10:00:00+09:00',
					creator: { id: user },
					pattern: { id: pattern.id },
					preNote: '定例訪問',
				},
			},
		},
		{
			resource: 'customerAction',
			operation: 'get',
			parameters: {
				customerId: customer.id,
				actionId: customerAction.id,
				options: { include_files: true },
			},
			request: {
				method: 'GET',
				path: `${base}/customers/${customer.id}/actions/${customerAction.id}`,
				query: { include_files: '1' },
			},
			verify: (items) => expect(items[0]).toHaveProperty('files'),
		},
		{
			resource: 'customerAction',
			operation: 'update',
			parameters: {
				customerId: customer.id,
				actionId: String(customerAction.id),
				updateFields: { result: '次回提案へ' },
			},
			request: {
				method: 'PATCH',
				path: `${base}/customers/${customer.id}/actions/${customerAction.id}`,
				body: { result: '次回提案へ' },
			},
		},
		{
			resource: 'customerAction',
			operation: 'delete',
			parameters: { customerId: customer.id, actionId: customerAction.id },
			request: {
				method: 'DELETE',
				path: `${base}/customers/${customer.id}/actions/${customerAction.id}`,
			},
			verify: (_, sim) => expect(sim.store.actions.has(customerAction.id)).toBe(false),
		},
		{
			resource: 'dealType',
			operation: 'getAll',
			parameters: {},
			request: { method: 'GET', path: `${base}/deal_setting/deal_types` },
			verify: (items) => expect(items.length).toBe(s.dealTypes.size),
		},
		{
			resource: 'dealType',
			operation: 'get',
			parameters: { dealTypeId: fromList(dealType.id) },
			request: { method: 'GET', path: `${base}/deal_setting/deal_types/${dealType.id}` },
			verify: (items) => expect(items[0]).toHaveProperty('phases'),
		},
		{
			resource: 'deal',
			operation: 'getAll',
			parameters: { returnAll: false, limit: 7, filters: { dealTypeId: fromList(dealType.id) } },
			request: {
				method: 'GET',
				path: `${base}/deals`,
				query: { limit: '7', page: '1', dealTypeId: String(dealType.id) },
			},
			verify: (items) => expect(items).toHaveLength(7),
		},
		{
			resource: 'deal',
			operation: 'create',
			parameters: {
				dealType: fromList(dealType.id),
				name: '新規導入案件',
				expectedContractDate: '2026-12-24T00:00:00+09:00',
				customer: byId(customer.id),
				phase: dealType.phases[0].id,
				product: dealType.products[0].id,
				probability: dealType.probabilities[0].id,
				channel: dealType.channels[0].id,
				user,
				additionalFields: { amount: 1_200_000 },
			},
			request: {
				method: 'POST',
				path: `${base}/deals`,
				body: {
					dealType: { id: dealType.id },
					name: '新規導入案件',
					expectedContractDate: '2026-12-24',
					customer: { id: customer.id },
					phase: { id: dealType.phases[0].id },
					user: { id: user },
					amount: 1_200_000,
				},
			},
		},
		{
			resource: 'deal',
			operation: 'get',
			parameters: { dealId: fromList(deal.id) },
			request: { method: 'GET', path: `${base}/deals/${deal.id}` },
		},
		{
			resource: 'deal',
			operation: 'update',
			parameters: { dealId: deal.id, updateFields: { amount: 980_000 } },
			request: { method: 'PATCH', path: `${base}/deals/${deal.id}`, body: { amount: 980_000 } },
			verify: (_, sim) => expect(sim.store.deals.get(deal.id)?.amount).toBe(980_000),
		},
		{
			resource: 'deal',
			operation: 'delete',
			parameters: { dealId: byId(deal.id) },
			request: { method: 'DELETE', path: `${base}/deals/${deal.id}` },
		},
		{
			resource: 'dealContact',
			operation: 'getAll',
			parameters: { dealId: deal.id, returnAll: true },
			request: { method: 'GET', path: `${base}/deals/${deal.id}/contacts` },
			verify: (items) => expect(items.map((c) => c.id)).toContain(linkedContact),
		},
		{
			resource: 'dealContact',
			operation: 'add',
			parameters: { dealId: fromList(deal.id), contactId: fromList(unlinkedContact.id) },
			request: { method: 'POST', path: `${base}/deals/${deal.id}/contacts/${unlinkedContact.id}` },
			verify: (_, sim) =>
				expect(sim.store.dealContacts.get(deal.id)?.has(unlinkedContact.id)).toBe(true),
		},
		{
			resource: 'dealContact',
			operation: 'remove',
			parameters: { dealId: deal.id, contactId: linkedContact },
			request: { method: 'DELETE', path: `${base}/deals/${deal.id}/contacts/${linkedContact}` },
		},
		{
			resource: 'dealAction',
			operation: 'getAll',
			parameters: {
				returnAll: true,
				filters: { dealId: fromList(dealAction.dealId ?? 0), users: [dealAction.creatorId] },
			},
			request: {
				method: 'GET',
				path: `${base}/actions`,
				query: { dealId: String(dealAction.dealId), 'users[]id': String(dealAction.creatorId) },
			},
			verify: (items) => {
				expect(items.length).toBeGreaterThan(0);
				for (const item of items) expect((item.deal as IDataObject).id).toBe(dealAction.dealId);
			},
		},
		{
			resource: 'dealAction',
			operation: 'create',
			parameters: {
				startDatetime: '2026-12-02T14:00:00+09:00',
				endDatetime: '2026-12-02T15:00:00+09:00',
				creator: user,
				purpose: dealType.purposes[0].id,
				deal: fromList(deal.id),
			},
			request: {
				method: 'POST',
				path: `${base}/actions`,
				body: {
					purpose: { id: dealType.purposes[0].id },
					deal: { id: deal.id },
					endDatetime: '2026-12-02T15:00:00+09:00',
				},
			},
		},
		{
			resource: 'dealAction',
			operation: 'get',
			parameters: { actionId: dealAction.id },
			request: { method: 'GET', path: `${base}/actions/${dealAction.id}` },
		},
		{
			resource: 'dealAction',
			operation: 'update',
			parameters: {
				actionId: dealAction.id,
				startDatetime: '2026-12-03T09:00:00+09:00',
				endDatetime: '2026-12-03T10:00:00+09:00',
				creator: dealAction.creatorId,
				purpose: first(
					s.dealTypes.get(s.deals.get(dealAction.dealId ?? 0)?.dealTypeId ?? 0)?.purposes ?? [],
				).id,
				deal: dealAction.dealId,
				updateFields: { result: '見積提示済み' },
			},
			request: {
				method: 'PATCH',
				path: `${base}/actions/${dealAction.id}`,
				body: { result: '見積提示済み', deal: { id: dealAction.dealId } },
			},
		},
		{
			resource: 'dealAction',
			operation: 'delete',
			parameters: { actionId: dealAction.id },
			request: { method: 'DELETE', path: `${base}/actions/${dealAction.id}` },
		},
		{
			resource: 'contactSetting',
			operation: 'get',
			parameters: {},
			request: { method: 'GET', path: `${base}/contact_setting` },
		},
		{
			resource: 'contact',
			operation: 'getAll',
			parameters: {
				returnAll: true,
				filters: { phoneNumber: String(contact.tel ?? contact.mobileTel) },
			},
			request: {
				method: 'GET',
				path: `${base}/contacts`,
				query: { phoneNumber: String(contact.tel ?? contact.mobileTel) },
			},
			verify: (items) => expect(items.map((c) => c.id)).toContain(contact.id),
		},
		{
			resource: 'contact',
			operation: 'create',
			parameters: {
				name: '山田 花子',
				additionalFields: {
					email: 'hanako.yamada@example.co.jp',
					customer: fromList(customer.id),
				},
				contactCustomsMode: 'json',
				contactCustomsJson: JSON.stringify([{ itemKey: 'interest', value: 'SFA導入' }]),
			},
			request: {
				method: 'POST',
				path: `${base}/contacts`,
				body: {
					name: '山田 花子',
					email: 'hanako.yamada@example.co.jp',
					customer: { id: customer.id },
					contactCustoms: [{ itemKey: 'interest', value: 'SFA導入' }],
				},
			},
		},
		{
			resource: 'contact',
			operation: 'search',
			parameters: {
				filter: JSON.stringify({
					valueFilter: { field: 'name', op: 'CONTAINS', value: contact.name.slice(0, 2) },
				}),
				returnAll: true,
			},
			request: { method: 'POST', path: `${base}/contacts/search` },
			verify: (items) => expect(items.map((c) => c.id)).toContain(contact.id),
		},
		{
			resource: 'contact',
			operation: 'get',
			parameters: { contactId: fromList(contact.id) },
			request: { method: 'GET', path: `${base}/contacts/${contact.id}` },
		},
		{
			resource: 'contact',
			operation: 'update',
			parameters: { contactId: contact.id, updateFields: { position: '部長' } },
			request: {
				method: 'PATCH',
				path: `${base}/contacts/${contact.id}`,
				body: { position: '部長' },
			},
		},
		{
			resource: 'contact',
			operation: 'delete',
			parameters: { contactId: contact.id },
			request: { method: 'DELETE', path: `${base}/contacts/${contact.id}` },
		},
		{
			resource: 'contactAction',
			operation: 'getAll',
			parameters: { contactId: 'all', returnAll: false, limit: 3, filters: { dataType: 1 } },
			request: { method: 'GET', path: `${base}/contacts/all/actions`, query: { dataType: '1' } },
			verify: (items) => expect(items).toHaveLength(3),
		},
		{
			resource: 'contactAction',
			operation: 'create',
			parameters: {
				contactId: contactAction.contactId,
				startDatetime: '2026-12-04T10:00:00+09:00',
				endDatetime: '2026-12-04T10:30:00+09:00',
				creator: user,
				pattern: pattern.id,
			},
			request: {
				method: 'POST',
				path: `${base}/contacts/${contactAction.contactId}/actions`,
				body: { pattern: { id: pattern.id } },
			},
		},
		{
			resource: 'contactAction',
			operation: 'get',
			parameters: { contactId: contactAction.contactId, actionId: contactAction.id },
			request: {
				method: 'GET',
				path: `${base}/contacts/${contactAction.contactId}/actions/${contactAction.id}`,
			},
		},
		{
			resource: 'contactAction',
			operation: 'update',
			parameters: {
				contactId: contactAction.contactId,
				actionId: contactAction.id,
				updateFields: { preNote: '資料送付' },
			},
			request: {
				method: 'PATCH',
				path: `${base}/contacts/${contactAction.contactId}/actions/${contactAction.id}`,
				body: { preNote: '資料送付' },
			},
		},
		{
			resource: 'contactAction',
			operation: 'delete',
			parameters: { contactId: byId(contactAction.contactId ?? 0), actionId: contactAction.id },
			request: {
				method: 'DELETE',
				path: `${base}/contacts/${contactAction.contactId}/actions/${contactAction.id}`,
			},
		},
		{
			resource: 'lifecycleStageSetting',
			operation: 'get',
			parameters: {},
			request: { method: 'GET', path: `${base}/lifecycle_stage_setting` },
		},
		{
			resource: 'customObjectDefinition',
			operation: 'getAll',
			parameters: { returnAll: true, filters: { searchWord: '商品' } },
			request: { method: 'GET', path: `${base}/custom_object_defs`, query: { searchWord: '商品' } },
			verify: (items) => expect(items.map((d) => d.key)).toEqual(['product_master']),
		},
		{
			resource: 'customObjectDefinition',
			operation: 'create',
			parameters: { name: '保守契約', key: 'maintenance' },
			request: {
				method: 'POST',
				path: `${base}/custom_object_defs`,
				body: { name: '保守契約', key: 'maintenance' },
			},
		},
		{
			resource: 'customObjectDefinition',
			operation: 'get',
			parameters: { custom_object_def_key: fromList('product_master') },
			request: { method: 'GET', path: `${base}/custom_object_defs/product_master` },
		},
		{
			resource: 'customObjectDefinition',
			operation: 'update',
			parameters: { custom_object_def_key: 'contract', updateFields: { name: '契約台帳' } },
			request: {
				method: 'PATCH',
				path: `${base}/custom_object_defs/contract`,
				body: { name: '契約台帳' },
			},
		},
		{
			resource: 'customObjectDefinition',
			operation: 'delete',
			parameters: { custom_object_def_key: byId('contract') },
			request: { method: 'DELETE', path: `${base}/custom_object_defs/contract` },
		},
		{
			resource: 'customObjectField',
			operation: 'create',
			parameters: {
				custom_object_def_key: 'product_master',
				name: '型番',
				key: 'modelNo',
				itemType: 'text',
			},
			request: {
				method: 'POST',
				path: `${base}/custom_object_defs/product_master/custom_object_item_defs`,
				body: { name: '型番', key: 'modelNo', itemType: 'text' },
			},
		},
		{
			resource: 'customObjectField',
			operation: 'update',
			parameters: {
				custom_object_def_key: 'product_master',
				fieldKey: 'productName',
				updateFields: { name: '商品名称' },
			},
			request: {
				method: 'PATCH',
				path: `${base}/custom_object_defs/product_master/custom_object_item_defs/productName`,
				body: { name: '商品名称' },
			},
		},
		{
			resource: 'customObjectField',
			operation: 'delete',
			parameters: { custom_object_def_key: fromList('product_master'), fieldKey: 'tags' },
			request: {
				method: 'DELETE',
				path: `${base}/custom_object_defs/product_master/custom_object_item_defs/tags`,
			},
		},
		{
			resource: 'customObjectRecord',
			operation: 'getAll',
			parameters: { custom_object_def_key: 'product_master', returnAll: false, limit: 120 },
			request: {
				method: 'GET',
				path: `${base}/custom_object_defs/product_master/custom_objects`,
				query: { page: '2' },
			},
			verify: (items) => expect(items).toHaveLength(120),
		},
		{
			resource: 'customObjectRecord',
			operation: 'create',
			parameters: {
				custom_object_def_key: 'product_master',
				fieldsMode: 'mapper',
				fields: mapper({
					productCode: 9001,
					productName: 'クラウド会計 Pro',
					category: 'software',
				}),
			},
			request: {
				method: 'POST',
				path: `${base}/custom_object_defs/product_master/custom_objects`,
				body: { productCode: 9001, productName: 'クラウド会計 Pro', category: 'software' },
			},
		},
		{
			resource: 'customObjectRecord',
			operation: 'get',
			parameters: { custom_object_def_key: 'product_master', recordId: productRecord.id },
			request: {
				method: 'GET',
				path: `${base}/custom_object_defs/product_master/custom_objects/${productRecord.id}`,
			},
		},
		{
			resource: 'customObjectRecord',
			operation: 'update',
			parameters: {
				custom_object_def_key: 'product_master',
				recordId: productRecord.id,
				fieldsMode: 'json',
				fieldsJson: '{"unitPrice": "1980.00"}',
			},
			request: {
				method: 'PATCH',
				path: `${base}/custom_object_defs/product_master/custom_objects/${productRecord.id}`,
				body: { unitPrice: '1980.00' },
			},
		},
		{
			resource: 'customObjectRecord',
			operation: 'delete',
			parameters: { custom_object_def_key: 'product_master', recordId: productRecord.id },
			request: {
				method: 'DELETE',
				path: `${base}/custom_object_defs/product_master/custom_objects/${productRecord.id}`,
			},
		},
		{
			resource: 'customObjectRecord',
			operation: 'deleteMany',
			parameters: {
				custom_object_def_key: 'contract',
				filters: { updatedAtFrom: '2020-01-01T00:00:00+09:00' },
			},
			request: {
				method: 'DELETE',
				path: `${base}/custom_object_defs/contract/custom_objects/bulk`,
				query: { updatedAtFrom: '2020-01-01T00:00:00' },
			},
			verify: (_, sim) =>
				expect([...sim.store.customObjects.values()].some((r) => r.defKey === 'contract')).toBe(
					false,
				),
		},
		{
			resource: 'auditLog',
			operation: 'getAll',
			parameters: {
				returnAll: false,
				limit: 20,
				filters: { startTime: '2025-01-01T00:00:00+09:00' },
			},
			request: {
				method: 'GET',
				path: `${base}/audits`,
				query: { startTime: '2025-01-01T00:00:00+09:00' },
			},
			verify: (items) => expect(items).toHaveLength(20),
		},
	];
}

/** One operation's case built anew from the simulator's tenant as it is now (each test resets it). */
export function freshCase(
	sim: MazricaSimulator,
	{ resource, operation }: Pick<OperationCase, 'resource' | 'operation'>,
): OperationCase {
	const current = operationCases(sim).find(
		(c) => c.resource === resource && c.operation === operation,
	);
	if (!current) throw new Error(`no case for ${resource} ${operation}`);
	return current;
}

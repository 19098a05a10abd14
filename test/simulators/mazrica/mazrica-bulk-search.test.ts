import { serveDuringTests } from '../../kit/lifecycle';
import { MazricaSimulator } from './mazrica-simulator';
import {
	client,
	type ActionJson,
	type ContactJson,
	type CustomerJson,
	type CustomObjectJson,
	type DealJson,
	type DealTypeSettingsJson,
	type ErrorJson,
	type PageJson,
} from './test-client';

/** Bulk endpoints (§6) and the two search endpoints (§7). */
const sim = serveDuringTests(new MazricaSimulator({ rateLimit: false }));
const api = client(sim);

const customerRow = (i: number) => ({ name: `株式会社一括${i}`, closingMonth: 3 });

describe('bulk', () => {
	test('customers: 200 with the new ids in input order, records saved, no audit entries', async () => {
		const audits = sim.store.audits.length;
		const res = await api.post<number[]>('/customers/bulk', {
			customers: [customerRow(1), customerRow(2), customerRow(3)],
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual([151, 152, 153]);
		expect(res.json.map((id) => sim.store.customers.get(id)?.name)).toEqual([
			'株式会社一括1',
			'株式会社一括2',
			'株式会社一括3',
		]);
		expect(sim.store.audits.length).toBe(audits);
	});

	test('any bad row → 400 with bulkErrors for every bad row, and nothing saved', async () => {
		const rows = [
			customerRow(1),
			{ address: '名前なし' },
			customerRow(3),
			{ name: 'x', ownerRoleId: 999 },
			'not an object',
		];
		const res = await api.post('/customers/bulk', { customers: rows });
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('Bad Request');
		expect(res.json.bulkErrors).toEqual([
			{ index: 1, messages: ['name is required'] },
			{ index: 3, messages: ['ownerRoleId: role 999 not found'] },
			{ index: 4, messages: ['record must be a JSON object'] },
		]);
		expect(sim.store.customers.size).toBe(150);
		expect(sim.store.peekId('customer')).toBe(151);
	});

	test('more than 1000 records → 400; exactly 1000 is accepted', async () => {
		const tooMany = await api.post('/customers/bulk', {
			customers: Array.from({ length: 1001 }, (_, i) => customerRow(i)),
		});
		expect(tooMany.status).toBe(400);
		expect(tooMany.json.messages[0]).toContain('1000');
		expect(sim.store.customers.size).toBe(150);
		const max = await api.post<number[]>('/customers/bulk', {
			customers: Array.from({ length: 1000 }, (_, i) => customerRow(i)),
		});
		expect(max.status).toBe(200);
		expect(max.json).toHaveLength(1000);
		expect((await api.post('/customers/bulk', {})).status).toBe(400);
	});

	test('deals: create and update within one deal type; rows of another type fail', async () => {
		const settings = (await api.get<DealTypeSettingsJson>('/deal_setting/deal_types/2')).json;
		const row = {
			name: '一括案件',
			expectedContractDate: '2025-09-30',
			customer: { id: 1 },
			phase: { id: settings.phases[0].id },
			product: { id: settings.products[0].id },
			probability: { id: settings.probabilities[0].id },
			channel: { id: settings.channels[0].id },
			user: { id: 1 },
		};
		const made = await api.post<number[]>('/deal_types/2/deals/bulk', {
			deals: [row, { ...row, name: '一括案件2' }],
		});
		expect(made.status).toBe(200);
		expect(made.json).toHaveLength(2);
		expect(made.json.every((id) => sim.store.deals.get(id)?.dealTypeId === 2)).toBe(true);

		const wrongType = await api.post('/deal_types/1/deals/bulk', { deals: [row] });
		expect(wrongType.status).toBe(400);
		expect(wrongType.json.bulkErrors?.[0].index).toBe(0);
		expect((await api.post('/deal_types/99/deals/bulk', { deals: [row] })).status).toBe(404);

		const audits = sim.store.audits.length;
		const updated = await api.patch<number[]>('/deal_types/2/deals/bulk', {
			deals: [
				{ id: made.json[1], amount: 500_000 },
				{ id: made.json[0], name: '改名' },
			],
		});
		expect(updated.status).toBe(200);
		expect(updated.json).toEqual([made.json[1], made.json[0]]);
		expect(sim.store.deals.get(made.json[0])?.name).toBe('改名');
		expect(sim.store.deals.get(made.json[1])?.amount).toBe(500_000);
		expect(sim.store.audits.length).toBe(audits);

		const typeOneDeal = [...sim.store.deals.values()].find((d) => d.dealTypeId === 1);
		const mixed = await api.patch('/deal_types/2/deals/bulk', {
			deals: [
				{ id: made.json[0], name: 'また改名' },
				{ id: typeOneDeal?.id, name: 'x' },
				{ name: 'no id' },
			],
		});
		expect(mixed.status).toBe(400);
		expect(mixed.json.bulkErrors?.map((e) => e.index)).toEqual([1, 2]);
		expect(sim.store.deals.get(made.json[0])?.name).toBe('改名');
	});

	test('actions: deal actions need one dealTypeId; customer and contact actions name their owner', async () => {
		const settings = (await api.get<DealTypeSettingsJson>('/deal_setting/deal_types/1')).json;
		const deal = [...sim.store.deals.values()].find((d) => d.dealTypeId === 1);
		const otherDeal = [...sim.store.deals.values()].find((d) => d.dealTypeId === 2);
		const row = {
			startDatetime: '2025-05-01T10:00:00',
			endDatetime: '2025-05-01T11:00:00',
			creator: { id: 1 },
			purpose: { id: settings.actionsPurposes[0].id },
			deal: { id: deal?.id },
		};
		expect((await api.post('/actions/bulk', { actions: [row] })).json.messages).toEqual([
			'dealTypeId is required',
		]);
		const ok = await api.post<number[]>('/actions/bulk', { dealTypeId: 1, actions: [row, row] });
		expect(ok.status).toBe(200);
		expect(ok.json).toHaveLength(2);
		const mixed = await api.post('/actions/bulk', {
			dealTypeId: 1,
			actions: [row, { ...row, deal: { id: otherDeal?.id } }],
		});
		expect(mixed.status).toBe(400);
		expect(mixed.json.bulkErrors?.map((e) => e.index)).toEqual([1]);

		const base = {
			startDatetime: '2025-05-02T10:00',
			endDatetime: '2025-05-02T10:30',
			creator: { id: 2 },
			pattern: { id: 2 },
		};
		const customers = await api.post<number[]>('/customers/actions/bulk', {
			actions: [{ ...base, customer: { id: 9 } }],
		});
		expect(customers.status).toBe(200);
		const made = await api.get<ActionJson>(`/customers/9/actions/${customers.json[0]}`);
		expect(made.json.customer?.id).toBe(9);
		const contacts = await api.post<number[]>('/contacts/actions/bulk', {
			actions: [
				{ ...base, contact: { id: 4 } },
				{ ...base, contact: { id: 999_999 } },
			],
		});
		expect(contacts.status).toBe(400);
		expect(contacts.json).toMatchObject({
			bulkErrors: [{ index: 1, messages: ['contact: contact 999999 not found'] }],
		});
	});

	test('custom objects: bulk create, then bulk delete by updated date only touches the matches', async () => {
		const rows = [
			{
				productCode: 9001,
				productName: '一括商品A',
				unitPrice: '10.50',
				category: 'service',
				tags: ['new'],
			},
			{ productCode: 9002, productName: '一括商品B', releaseDate: '2025-04-01T00:00:00+09:00' },
		];
		const before = sim.store.customObjects.size;
		const bad = await api.post('/custom_object_defs/product_master/custom_objects/bulk', {
			customObjects: [rows[0], { productCode: 1.5 }, { color: 'red' }],
		});
		expect(bad.status).toBe(400);
		expect(bad.json.bulkErrors?.map((e) => e.index)).toEqual([1, 2]);
		expect(sim.store.customObjects.size).toBe(before);

		sim.advanceClock(86_400_000);
		const since = sim.now() - 1000;
		const made = await api.post<number[]>(
			'/custom_object_defs/product_master/custom_objects/bulk',
			{ customObjects: rows },
		);
		expect(made.status).toBe(200);
		const one = await api.get<CustomObjectJson>(
			`/custom_object_defs/product_master/custom_objects/${made.json[0]}`,
		);
		expect(one.json).toMatchObject({
			productCode: 9001,
			unitPrice: '10.50',
			category: 'service',
			tags: ['new'],
			releaseDate: null,
		});

		const from = new Date(since).toISOString();
		const deleted = await api.del<number[]>(
			`/custom_object_defs/product_master/custom_objects/bulk?updatedAtFrom=${from}`,
		);
		expect(deleted.status).toBe(200);
		expect(deleted.json).toEqual(made.json);
		expect(sim.store.customObjects.size).toBe(before);
	});
});

const nameFilter = (value: string) => ({ valueFilter: { field: 'name', op: 'CONTAINS', value } });

describe('search', () => {
	test('filter is required; the answer is paged with page in the body', async () => {
		const missing = await api.post('/customers/search', { page: 1 });
		expect(missing.status).toBe(400);
		expect(missing.json.messages[0]).toContain('検索条件が不正');
		const all = await api.post<PageJson<'customers', CustomerJson>>('/customers/search', {
			filter: {
				compositeFilter: {
					op: 'OR',
					filters: [
						nameFilter('株式会社'),
						nameFilter('合同会社'),
						nameFilter('有限会社'),
						nameFilter('株式会社'),
					],
				},
			},
			page: 2,
		});
		expect(all.status).toBe(200);
		expect(all.json.page).toBe(2);
		expect(all.json.totalCount).toBe(150);
		expect(all.json.customers).toHaveLength(50);
	});

	test('values, composites, dates and custom items filter correctly', async () => {
		const res = await api.post<PageJson<'customers', CustomerJson>>('/customers/search', {
			filter: {
				compositeFilter: {
					op: 'AND',
					filters: [
						{ valueFilter: { field: 'closingMonth', op: 'EQUAL', value: 3 } },
						{
							valueFilter: {
								field: 'updatedAt',
								op: 'GREATER_THAN_OR_EQUAL',
								value: '2025-01-01T00:00:00',
							},
						},
					],
				},
			},
		});
		const expected = [...sim.store.customers.values()].filter(
			(c) => c.closingMonth === 3 && c.updatedAt >= Date.parse('2025-01-01T00:00:00+09:00'),
		);
		expect(res.json.totalCount).toBe(expected.length);
		expect(expected.length).toBeGreaterThan(0);

		const rank = sim.store.customerCustomItems.find((i) => i.itemKey === 'rank');
		const optionB = rank?.options[1].id;
		const custom = await api.post<PageJson<'customers', CustomerJson>>('/customers/search', {
			filter: { valueFilter: { field: 'customerCustoms.rank', op: 'IN', value: [optionB] } },
		});
		expect(custom.json.totalCount).toBeGreaterThan(0);
		expect(
			custom.json.customers.every((c) =>
				c.customerCustoms.some((v) => v.itemKey === 'rank' && v.value === optionB),
			),
		).toBe(true);
	});

	test('more than 300 nodes (root composite not counted) → 400 検索条件が不正; 300 is fine', async () => {
		const filters = (n: number) => Array.from({ length: n }, () => nameFilter('株式会社'));
		const atLimit = await api.post('/customers/search', {
			filter: { compositeFilter: { op: 'OR', filters: filters(300) } },
		});
		expect(atLimit.status).toBe(200);
		const over = await api.post<ErrorJson>('/customers/search', {
			filter: { compositeFilter: { op: 'OR', filters: filters(301) } },
		});
		expect(over.status).toBe(400);
		expect(over.json.messages[0]).toMatch(/^検索条件が不正/);
		// nested composites count as nodes too: 1 inner composite + 300 values = 301
		const nested = await api.post('/contacts/search', {
			filter: {
				compositeFilter: {
					op: 'AND',
					filters: [{ compositeFilter: { op: 'OR', filters: filters(300) } }],
				},
			},
		});
		expect(nested.status).toBe(400);
	});

	test('fieldreference: none on customers; only customer on contacts', async () => {
		const onCustomers = await api.post('/customers/search', {
			filter: {
				valueFilter: { field: 'name', op: 'EQUAL', value: 'x', fieldreference: 'customer' },
			},
		});
		expect(onCustomers.status).toBe(400);
		const customer = sim.store.customers.get(12);
		const onContacts = await api.post<PageJson<'contacts', ContactJson>>('/contacts/search', {
			filter: {
				valueFilter: {
					field: 'name',
					op: 'EQUAL',
					value: customer?.name,
					fieldreference: 'customer',
				},
			},
		});
		expect(onContacts.status).toBe(200);
		const expected = [...sim.store.contacts.values()].filter((c) => c.customerId === 12).length;
		expect(onContacts.json.totalCount).toBe(expected);
		expect(onContacts.json.contacts.every((c) => c.customer?.id === 12)).toBe(true);
		const onDeal = await api.post('/contacts/search', {
			filter: { valueFilter: { field: 'name', op: 'EQUAL', value: 'x', fieldreference: 'deal' } },
		});
		expect(onDeal.status).toBe(400);
	});

	test('sort by a plain field works; by a custom item or related field it is refused; bad schema is a 400', async () => {
		const filter = nameFilter('株式会社');
		const sorted = await api.post<PageJson<'customers', CustomerJson>>('/customers/search', {
			filter,
			sort: { field: 'name', order: 'asc' },
		});
		const names = sorted.json.customers.map((c) => c.name);
		expect(names).toEqual([...names].sort());
		expect(
			(await api.post('/customers/search', { filter, sort: { field: 'customerCustoms.rank' } }))
				.status,
		).toBe(400);
		expect(
			(
				await api.post('/contacts/search', {
					filter,
					sort: { field: 'name', fieldreference: 'customer' },
				})
			).status,
		).toBe(400);
		expect(
			(
				await api.post('/customers/search', {
					filter: { valueFilter: { field: 'name', op: 'LIKE', value: 'x' } },
				})
			).status,
		).toBe(400);
		expect(
			(
				await api.post('/customers/search', {
					filter: { valueFilter: { field: 'color', op: 'EQUAL', value: 'x' } },
				})
			).status,
		).toBe(400);
		expect(
			(
				await api.post('/customers/search', {
					filter: { compositeFilter: { op: 'AND', filters: [] } },
				})
			).status,
		).toBe(400);
	});
});

describe('GET /contacts as a bare array (Q4 switch)', () => {
	const bare = serveDuringTests(
		new MazricaSimulator({ rateLimit: false, contactsBareArray: true }),
	);

	test('answers the page as a bare array; other lists keep their wrapper', async () => {
		const contacts = await client(bare).get<ContactJson[]>('/contacts');
		expect(Array.isArray(contacts.json)).toBe(true);
		expect(contacts.json).toHaveLength(100);
		const deals = await client(bare).get<PageJson<'deals', DealJson>>('/deals');
		expect(deals.json.totalCount).toBe(250);
	});
});

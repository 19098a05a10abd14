import { serveDuringTests } from '../../kit/lifecycle';
import { MazricaSimulator } from './mazrica-simulator';
import {
	client,
	ISO_JST,
	japanLocal,
	type ActionJson,
	type AuditJson,
	type ContactJson,
	type CustomerJson,
	type CustomObjectJson,
	type DealJson,
	type DealTypeSettingsJson,
	type PageJson,
	type Ref,
} from './test-client';

/** The simulator itself, driven over HTTP the way the node will drive it. */
const sim = serveDuringTests(
	new MazricaSimulator({ rateLimit: { ratePerSecond: 50, burst: 500 } }),
);
const api = client(sim);

const ms = (iso: string): number => Date.parse(iso);

describe('authentication', () => {
	test('a missing or unknown key is a 401 with the error body', async () => {
		for (const key of [null, 'not-a-key']) {
			const res = await api.get('/customers', { key });
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: 'Unauthorized', messages: ['invalid api key'] });
		}
	});

	test('the header name is case-insensitive and every configured key works', async () => {
		const upper = await api.get('/users', { key: null, headers: { 'X-API-KEY': sim.apiKey } });
		expect(upper.status).toBe(200);
		const extra = sim.addApiKey();
		expect((await api.get('/users', { key: extra })).status).toBe(200);
		expect(sim.apiKey).toMatch(/^[0-9a-f]{40}$/);
	});

	test('routes live under /v1; the bare path is not the API', async () => {
		const res = await api.get('/customers');
		expect(res.status).toBe(200);
		expect(sim.baseUrl.endsWith('/v1')).toBe(true);
	});
});

describe('pagination', () => {
	test('page is 1-based, 100 per page; past the end is empty with the real totalCount', async () => {
		const total = sim.store.customers.size;
		expect(total).toBe(150);
		const p1 = await api.get<PageJson<'customers', CustomerJson>>('/customers');
		expect(p1.status).toBe(200);
		expect(Object.keys(p1.json)).toEqual(['totalCount', 'page', 'customers']);
		expect(p1.json.totalCount).toBe(total);
		expect(p1.json.page).toBe(1);
		expect(p1.json.customers).toHaveLength(100);
		const p2 = await api.get<PageJson<'customers', CustomerJson>>('/customers?page=2');
		expect(p2.json.customers).toHaveLength(50);
		const ids = new Set([...p1.json.customers, ...p2.json.customers].map((c) => c.id));
		expect(ids.size).toBe(total);
		const p3 = await api.get<PageJson<'customers', CustomerJson>>('/customers?page=3');
		expect(p3.json).toEqual({ totalCount: total, page: 3, customers: [] });
		expect((await api.get('/customers?page=0')).status).toBe(400);
	});

	test('every paged list uses its documented plural key', async () => {
		const lists: Array<[string, string]> = [
			['/users', 'users'],
			['/user_groups', 'userGroups'],
			['/roles', 'roles'],
			['/deals', 'deals'],
			['/contacts', 'contacts'],
			['/actions', 'actions'],
			['/customers/all/actions', 'actions'],
			['/contacts/all/actions', 'actions'],
			['/custom_object_defs', 'customObjectDefs'],
			['/custom_object_defs/product_master/custom_objects', 'customObjects'],
			['/audits', 'audits'],
		];
		for (const [path, plural] of lists) {
			const res = await api.get<Record<string, unknown>>(path);
			expect([path, res.status]).toEqual([path, 200]);
			expect([path, Object.keys(res.json)]).toEqual([path, ['totalCount', 'page', plural]]);
		}
	});

	test('GET /deals takes limit up to 1000; above is a 400; the default stays 100', async () => {
		sim.seed({ deals: 1200 });
		try {
			const def = await api.get<PageJson<'deals', DealJson>>('/deals');
			expect(def.json.deals).toHaveLength(100);
			const big = await api.get<PageJson<'deals', DealJson>>('/deals?limit=1000');
			expect(big.json.totalCount).toBe(1200);
			expect(big.json.deals).toHaveLength(1000);
			const rest = await api.get<PageJson<'deals', DealJson>>('/deals?limit=1000&page=2');
			expect(rest.json.deals).toHaveLength(200);
			const tooMany = await api.get('/deals?limit=1001');
			expect(tooMany.status).toBe(400);
			expect(tooMany.json.messages.join(' ')).toContain('1000');
			// limit is a /deals parameter only (Q9): elsewhere it changes nothing.
			const customers = await api.get<PageJson<'customers', CustomerJson>>('/customers?limit=1000');
			expect(customers.json.customers).toHaveLength(100);
		} finally {
			sim.seed({});
		}
	});

	test('the audit log pages by 1000', async () => {
		const total = sim.store.audits.length;
		expect(total).toBeGreaterThan(2000);
		const p1 = await api.get<PageJson<'audits', AuditJson>>('/audits');
		expect(p1.json.totalCount).toBe(total);
		expect(p1.json.audits).toHaveLength(1000);
		const last = Math.ceil(total / 1000);
		const pl = await api.get<PageJson<'audits', AuditJson>>(`/audits?page=${last}`);
		expect(pl.json.audits).toHaveLength(total - (last - 1) * 1000);
	});
});

describe('sorting', () => {
	test('default is updatedAt descending; sort=updatedAt ascends; sort=createdAt works', async () => {
		const byDefault = (
			await api.get<PageJson<'customers', CustomerJson>>('/customers')
		).json.customers.map((c) => ms(c.updatedAt));
		expect(byDefault).toEqual([...byDefault].sort((a, b) => b - a));
		const asc = (
			await api.get<PageJson<'customers', CustomerJson>>('/customers?sort=updatedAt')
		).json.customers.map((c) => ms(c.updatedAt));
		expect(asc).toEqual([...asc].sort((a, b) => a - b));
		expect(asc[0]).toBeLessThan(byDefault[0]);
		const created = (
			await api.get<PageJson<'deals', DealJson>>('/deals?sort=-createdAt')
		).json.deals.map((d) => ms(d.createdAt));
		expect(created).toEqual([...created].sort((a, b) => b - a));
	});

	test('comma lists with id as tie-breaker', async () => {
		for (const id of [7, 3, 5]) sim.touch('customer', id);
		const up = await api.get<PageJson<'customers', CustomerJson>>('/customers?sort=-updatedAt,id');
		expect(up.json.customers.slice(0, 3).map((c) => c.id)).toEqual([3, 5, 7]);
		const down = await api.get<PageJson<'customers', CustomerJson>>(
			'/customers?sort=-updatedAt,-id',
		);
		expect(down.json.customers.slice(0, 3).map((c) => c.id)).toEqual([7, 5, 3]);
	});

	test('an unknown sort key is a 400 naming it', async () => {
		const res = await api.get('/customers?sort=-name');
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('Bad Request');
		expect(res.json.messages[0]).toContain('"name"');
		expect((await api.get('/actions?sort=startDatetime')).status).toBe(200);
		expect(
			(await api.get('/custom_object_defs/product_master/custom_objects?sort=startDatetime'))
				.status,
		).toBe(400);
	});
});

describe('filters', () => {
	test('updatedAtFrom/To: offset-less values are Japan time, bounds inclusive, +09:00 and Z forms too', async () => {
		const target = sim.store.customers.get(42);
		if (!target) throw new Error('seed changed');
		const local = japanLocal(target.updatedAt);
		const exact = await api.get<PageJson<'customers', CustomerJson>>(
			`/customers?updatedAtFrom=${local}&updatedAtTo=${local}`,
		);
		expect(exact.json.customers.map((c) => c.id)).toContain(42);
		expect(exact.json.customers.every((c) => ms(c.updatedAt) === target.updatedAt)).toBe(true);
		const withOffset = await api.get<PageJson<'customers', CustomerJson>>(
			`/customers?updatedAtFrom=${local}%2B09:00&updatedAtTo=${local}%2B09:00`,
		);
		expect(withOffset.json.totalCount).toBe(exact.json.totalCount);
		const utc = new Date(target.updatedAt).toISOString();
		const zulu = await api.get<PageJson<'customers', CustomerJson>>(
			`/customers?updatedAtFrom=${utc}&updatedAtTo=${utc}`,
		);
		expect(zulu.json.totalCount).toBe(exact.json.totalCount);
		// minutes only, as the document's examples
		const from = await api.get<PageJson<'customers', CustomerJson>>(
			`/customers?updatedAtFrom=${local.slice(0, 16)}`,
		);
		const expected = [...sim.store.customers.values()].filter(
			(c) => c.updatedAt >= target.updatedAt - (target.updatedAt % 60_000),
		).length;
		expect(from.json.totalCount).toBe(expected);
		// an unencoded "+" arrives as a space and is refused
		expect((await api.get(`/customers?updatedAtFrom=${local}+09:00`)).status).toBe(400);
		expect((await api.get('/customers?updatedAtTo=yesterday')).status).toBe(400);
	});

	test('searchWord on customers (name), deals (deal or customer name), contacts (name, email, customer)', async () => {
		const customers = await api.get<PageJson<'customers', CustomerJson>>(
			`/customers?searchWord=${encodeURIComponent('商事')}`,
		);
		expect(customers.json.totalCount).toBeGreaterThan(0);
		expect(customers.json.customers.every((c) => c.name.includes('商事'))).toBe(true);

		const deal = sim.store.deals.get(1);
		const customer = deal && sim.store.customers.get(deal.customerId);
		if (!deal || !customer) throw new Error('seed changed');
		const deals = await api.get<PageJson<'deals', DealJson>>(
			`/deals?searchWord=${encodeURIComponent(customer.name)}`,
		);
		expect(deals.json.deals.map((d) => d.id)).toContain(1);
		expect(
			deals.json.deals.every(
				(d) => d.customer.name.includes(customer.name) || d.name.includes(customer.name),
			),
		).toBe(true);

		const contact = sim.store.contacts.get(10);
		if (!contact?.email) throw new Error('seed changed');
		const byEmail = await api.get<PageJson<'contacts', ContactJson>>(
			`/contacts?searchWord=${encodeURIComponent(contact.email)}`,
		);
		expect(byEmail.json.contacts.map((c) => c.id)).toEqual([10]);
	});

	test('dealTypeId', async () => {
		const res = await api.get<PageJson<'deals', DealJson>>('/deals?dealTypeId=2&limit=1000');
		const expected = [...sim.store.deals.values()].filter((d) => d.dealTypeId === 2).length;
		expect(res.json.totalCount).toBe(expected);
		expect(expected).toBeGreaterThan(0);
		expect(res.json.deals.every((d) => d.dealType.id === 2)).toBe(true);
	});

	test('phoneNumber ignores hyphens and the (0) / 局 exchange forms', async () => {
		for (const [number, id] of [
			['03-1111-2222', 1],
			['0311112222', 1],
			['04992(0)1111', 2],
			['049920局1111', 2],
		] as const) {
			const res = await api.get<PageJson<'contacts', ContactJson>>(
				`/contacts?phoneNumber=${encodeURIComponent(number)}`,
			);
			expect([number, res.json.contacts.map((c) => c.id)]).toEqual([number, [id]]);
		}
	});

	test('action filters: users[]id (repeated), pattern, active, purpose, dealId, dates', async () => {
		const mine = await api.get<PageJson<'actions', ActionJson>>(
			'/customers/all/actions?users[]id=1&users[]id=2',
		);
		const expected = [...sim.store.actions.values()].filter(
			(a) =>
				a.kind === 'customer' && [1, 2].some((u) => a.creatorId === u || a.inviteeIds.includes(u)),
		);
		expect(mine.json.totalCount).toBe(expected.length);
		expect(
			mine.json.actions.every((a) =>
				[a.creator, ...a.invitees].some((u) => u.id === 1 || u.id === 2),
			),
		).toBe(true);

		const visits = await api.get<PageJson<'actions', ActionJson>>(
			'/customers/all/actions?pattern=1&active=true',
		);
		expect(visits.json.totalCount).toBeGreaterThan(0);
		expect(visits.json.actions.every((a) => a.pattern.id === 1 && a.active)).toBe(true);
		expect((await api.get('/customers/all/actions?active=maybe')).status).toBe(400);

		const dealAction = [...sim.store.actions.values()].find((a) => a.kind === 'deal');
		if (!dealAction?.dealId || !dealAction.purposeId) throw new Error('seed changed');
		const byDeal = await api.get<PageJson<'actions', ActionJson>>(
			`/actions?dealId=${dealAction.dealId}`,
		);
		expect(byDeal.json.actions.length).toBeGreaterThan(0);
		expect(byDeal.json.actions.every((a) => a.deal?.id === dealAction.dealId)).toBe(true);
		const byPurpose = await api.get<PageJson<'actions', ActionJson>>(
			`/actions?purpose=${dealAction.purposeId}`,
		);
		expect(byPurpose.json.actions.every((a) => a.purpose?.id === dealAction.purposeId)).toBe(true);

		// startDatetime / endDatetime: actions within the window
		const start = dealAction.startDatetime ?? 0;
		const end = dealAction.endDatetime ?? 0;
		const window = await api.get<PageJson<'actions', ActionJson>>(
			`/actions?startDatetime=${japanLocal(start).slice(0, 16)}&endDatetime=${japanLocal(end).slice(0, 16)}`,
		);
		expect(window.json.actions.map((a) => a.id)).toContain(dealAction.id);
		expect(
			window.json.actions.every(
				(a) => ms(a.startDatetime ?? '') >= start && ms(a.endDatetime ?? '') <= end,
			),
		).toBe(true);

		const created = await api.get<PageJson<'actions', ActionJson>>(
			`/actions?createdAtFrom=${japanLocal(dealAction.createdAt)}&createdAtTo=${japanLocal(dealAction.createdAt)}`,
		);
		expect(created.json.actions.map((a) => a.id)).toContain(dealAction.id);
	});

	test('contact actions: dataType 1 = contact actions, 0 = deal actions the contact is on', async () => {
		const own = await api.get<PageJson<'actions', ActionJson>>('/contacts/all/actions?dataType=1');
		expect(own.json.totalCount).toBe(
			[...sim.store.actions.values()].filter((a) => a.kind === 'contact').length,
		);
		expect(own.json.actions.every((a) => a.dataType === 1 && a.deal === null)).toBe(true);
		const viaDeals = await api.get<PageJson<'actions', ActionJson>>(
			'/contacts/all/actions?dataType=0',
		);
		expect(viaDeals.json.totalCount).toBeGreaterThan(0);
		expect(viaDeals.json.actions.every((a) => a.dataType === 0 && a.deal !== null)).toBe(true);
		expect((await api.get('/contacts/all/actions?dataType=2')).status).toBe(400);
	});

	test('include_files=1 adds files to an action detail', async () => {
		const action = sim.store.actions.get(10);
		if (!action || action.kind !== 'customer' || action.customerId === null)
			throw new Error('seed changed');
		const plain = await api.get<ActionJson>(`/customers/${action.customerId}/actions/10`);
		expect(plain.json.files).toBeUndefined();
		const withFiles = await api.get<ActionJson>(
			`/customers/${action.customerId}/actions/10?include_files=1`,
		);
		expect(withFiles.json.files).toHaveLength(1);
		expect((await api.get(`/customers/${action.customerId + 1}/actions/10`)).status).toBe(404);
	});

	test('user groups by userId; custom objects by created/updated with the +900 offset form; audits by time', async () => {
		const groups =
			await api.get<PageJson<'userGroups', { id: number; users: Ref[] }>>('/user_groups?userId=2');
		expect(groups.json.userGroups.map((g) => g.id)).toEqual([1, 4]);

		const record = sim.store.customObjects.get(5);
		if (!record) throw new Error('seed changed');
		const at = `${japanLocal(record.createdAt)}%2B900`;
		const objects = await api.get<PageJson<'customObjects', CustomObjectJson>>(
			`/custom_object_defs/product_master/custom_objects?createdAtFrom=${at}&createdAtTo=${at}`,
		);
		expect(objects.json.customObjects.map((o) => o.id)).toContain(5);
		expect(objects.json.customObjects.every((o) => ms(o.createdAt) === record.createdAt)).toBe(
			true,
		);

		const audit = sim.store.audits[100];
		const when = japanLocal(audit.at);
		const audits = await api.get<PageJson<'audits', AuditJson>>(
			`/audits?startTime=${when}%2B09:00&endTime=${when}%2B09:00`,
		);
		expect(audits.json.audits.map((a) => a.id)).toContain(audit.id);
		expect(audits.json.audits.every((a) => ms(a.createdAt) === audit.at)).toBe(true);
	});
});

describe('writes', () => {
	test('create → 201 with clock timestamps; update → 200; delete → 200; then 404; audit entries for each', async () => {
		const before = Math.floor(sim.now() / 1000) * 1000;
		const made = await api.post<CustomerJson>('/customers', {
			name: '株式会社テスト商事',
			closingMonth: 3,
			ownerRoleId: 2,
		});
		expect(made.status).toBe(201);
		expect(made.json).toMatchObject({
			name: '株式会社テスト商事',
			closingMonth: 3,
			ownerRole: { id: 2 },
		});
		expect(made.json.createdAt).toMatch(ISO_JST);
		expect(ms(made.json.createdAt)).toBeGreaterThanOrEqual(before);
		expect(ms(made.json.createdAt)).toBeLessThanOrEqual(sim.now());
		const id = made.json.id;

		sim.advanceClock(90_000);
		const updated = await api.patch<CustomerJson>(`/customers/${id}`, {
			telNo: '03-5555-0000',
			ownerRoleId: 0,
		});
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({
			id,
			name: '株式会社テスト商事',
			telNo: '03-5555-0000',
			ownerRole: null,
		});
		expect(ms(updated.json.updatedAt) - ms(updated.json.createdAt)).toBeGreaterThanOrEqual(89_000);

		const removed = await api.del(`/customers/${id}`);
		expect(removed.status).toBe(200);
		const gone = await api.get(`/customers/${id}`);
		expect(gone.status).toBe(404);
		expect(gone.json.error).toBe('Not Found');
		expect(gone.json.messages.length).toBeGreaterThan(0);
		expect((await api.patch(`/customers/${id}`, { name: 'x' })).status).toBe(404);
		expect((await api.del(`/customers/${id}`)).status).toBe(404);

		const audits = await api.get<PageJson<'audits', AuditJson>>(
			`/audits?startTime=${japanLocal(before)}`,
		);
		const mine = audits.json.audits.filter((a) => a.targetType === 'customer' && a.targetId === id);
		expect(mine.map((a) => a.operation)).toEqual(['delete', 'update', 'create']);
		expect(mine.every((a) => a.source === 'api' && a.user?.id === 1)).toBe(true);
	});

	test('missing required fields are a 400 naming each one', async () => {
		const customer = await api.post('/customers', { address: '東京都' });
		expect(customer.status).toBe(400);
		expect(customer.json.messages).toEqual(['name is required']);

		const deal = await api.post('/deals', {});
		expect(deal.status).toBe(400);
		for (const field of [
			'dealType',
			'name',
			'expectedContractDate',
			'customer',
			'phase',
			'product',
			'probability',
			'channel',
			'user',
		]) {
			expect(deal.json.messages.some((m) => m.startsWith(`${field} `))).toBe(true);
		}
		const contact = await api.post('/contacts', { email: 'a@example.com' });
		expect(contact.json.messages).toEqual(['name is required']);

		// Q8: PATCH /actions/{id} requires the full set
		const dealAction = [...sim.store.actions.values()].find((a) => a.kind === 'deal');
		const q8 = await api.patch(`/actions/${dealAction?.id}`, { preNote: 'memo' });
		expect(q8.status).toBe(400);
		expect(q8.json.messages).toEqual(
			expect.arrayContaining([
				'startDatetime is required',
				'endDatetime is required',
				'creator is required',
				'purpose is required',
				'deal is required',
			]),
		);
	});

	test('a body must be JSON with the JSON content type', async () => {
		const res = await api.post(
			'/customers',
			{ name: 'x' },
			{ headers: { 'content-type': 'application/x-www-form-urlencoded' } },
		);
		expect(res.status).toBe(400);
		expect(sim.store.customers.size).toBe(150);
	});

	test('a deal is created from setting ids of its own deal type only', async () => {
		const settings = await api.get<DealTypeSettingsJson>('/deal_setting/deal_types/1');
		const other = await api.get<DealTypeSettingsJson>('/deal_setting/deal_types/2');
		const body = {
			dealType: { id: 1 },
			name: '新規案件',
			amount: 1_200_000,
			expectedContractDate: '2025-06-30',
			customer: { id: 3 },
			phase: { id: settings.json.phases[0].id },
			product: { id: settings.json.products[0].id },
			probability: { id: settings.json.probabilities[0].id },
			channel: { id: settings.json.channels[0].id },
			user: { id: 2 },
			dealCustoms: [{ itemKey: 'competitor', value: 'A社' }],
		};
		const made = await api.post<DealJson>('/deals', body);
		expect(made.status).toBe(201);
		expect(made.json).toMatchObject({
			name: '新規案件',
			dealType: { id: 1, name: '新規開拓' },
			customer: { id: 3 },
			user: { id: 2 },
		});
		expect(made.json.dealCustoms).toEqual([{ itemKey: 'competitor', value: 'A社' }]);
		const wrong = await api.post('/deals', { ...body, phase: { id: other.json.phases[0].id } });
		expect(wrong.status).toBe(400);
		expect(wrong.json.messages[0]).toMatch(/^phase: /);
		const badDate = await api.post('/deals', { ...body, expectedContractDate: '2025/06/30' });
		expect(badDate.json.messages).toEqual(['expectedContractDate must be a date YYYY-MM-DD']);
	});

	test('custom values are [{itemKey, value}] and unknown itemKeys are a 400', async () => {
		const setting = await api.get<{
			customerCustomItems: Array<{ itemKey: string; itemType: string; options?: Ref[] }>;
		}>('/customer_setting');
		const rank = setting.json.customerCustomItems.find((i) => i.itemKey === 'rank');
		const optionA = rank?.options?.find((o) => o.name === 'A');
		if (!optionA) throw new Error('seed changed');
		const made = await api.post<CustomerJson>('/customers', {
			name: '合同会社カスタム',
			customerCustoms: [
				{ itemKey: 'rank', value: optionA.id },
				{ itemKey: 'annualSales', value: 120 },
			],
		});
		expect(made.status).toBe(201);
		expect(made.json.customerCustoms).toEqual([
			{ itemKey: 'rank', value: optionA.id },
			{ itemKey: 'annualSales', value: 120 },
		]);
		const patched = await api.patch<CustomerJson>(`/customers/${made.json.id}`, {
			customerCustoms: [{ itemKey: 'annualSales', value: null }],
		});
		expect(patched.json.customerCustoms).toEqual([{ itemKey: 'rank', value: optionA.id }]);
		const unknown = await api.post('/customers', {
			name: 'x',
			customerCustoms: [{ itemKey: 'nope', value: 1 }],
		});
		expect(unknown.status).toBe(400);
		expect(unknown.json.messages[0]).toContain('"nope"');
		const wrongType = await api.post('/customers', {
			name: 'x',
			customerCustoms: [{ itemKey: 'rank', value: 'A' }],
		});
		expect(wrongType.status).toBe(400);
	});

	test('actions: deal actions take the pattern of their purpose; customer/contact actions need a pattern', async () => {
		const settings = await api.get<DealTypeSettingsJson>('/deal_setting/deal_types/1');
		const purpose = settings.json.actionsPurposes[3];
		const deal = [...sim.store.deals.values()].find((d) => d.dealTypeId === 1);
		const made = await api.post<ActionJson>('/actions', {
			startDatetime: '2025-04-01T10:00:00+09:00',
			endDatetime: '2025-04-01T11:00:00+09:00',
			creator: { id: 1 },
			invitees: [{ id: 2 }],
			purpose: { id: purpose.id },
			deal: { id: deal?.id },
		});
		expect(made.status).toBe(201);
		expect(made.json.pattern).toEqual(purpose.pattern);
		expect(made.json.startDatetime).toBe('2025-04-01T10:00:00+09:00');
		expect((await api.post('/actions', { ...made.json, deal: { id: 999_999 } })).status).toBe(404);

		const customerAction = await api.post<ActionJson>('/customers/5/actions', {
			startDatetime: '2025-04-02T09:00',
			endDatetime: '2025-04-02T10:00',
			creator: { id: 3 },
			pattern: { id: 2 },
		});
		expect(customerAction.status).toBe(201);
		expect(customerAction.json).toMatchObject({
			customer: { id: 5 },
			pattern: { id: 2, name: '電話' },
			startDatetime: '2025-04-02T09:00:00+09:00',
		});
		expect((await api.post('/customers/999999/actions', {})).status).toBe(404);
		const backwards = await api.post('/contacts/4/actions', {
			startDatetime: '2025-04-02T10:00',
			endDatetime: '2025-04-02T09:00',
			creator: { id: 3 },
			pattern: { id: 2 },
		});
		expect(backwards.status).toBe(400);
	});

	test('touch edits a record as the UI would: new updatedAt, first in the default order, a web audit entry', async () => {
		sim.advanceClock(3_600_000);
		const touched = sim.touch('deal', 17, { name: 'UIで編集した案件' });
		const list = await api.get<PageJson<'deals', DealJson>>('/deals');
		expect(list.json.deals[0]).toMatchObject({ id: 17, name: 'UIで編集した案件' });
		expect(ms(list.json.deals[0].updatedAt)).toBe(touched.updatedAt);
		const audits = await api.get<PageJson<'audits', AuditJson>>('/audits');
		expect(audits.json.audits[0]).toMatchObject({
			targetType: 'deal',
			targetId: 17,
			operation: 'update',
			source: 'web',
		});
	});
});

describe('plan gates', () => {
	test('custom objects off → 403 on every /custom_object_defs endpoint', async () => {
		const key = sim.addApiKey({ customObjects: false });
		const forbidden = {
			error: 'Forbidden',
			messages: ['カスタムオブジェクトが利用可能な契約プランではない'],
		};
		const calls = [
			api.get('/custom_object_defs', { key }),
			api.get('/custom_object_defs/product_master', { key }),
			api.post('/custom_object_defs', { name: 'x', key: 'x' }, { key }),
			api.get('/custom_object_defs/product_master/custom_objects', { key }),
			api.post(
				'/custom_object_defs/product_master/custom_objects/bulk',
				{ customObjects: [{}] },
				{ key },
			),
			api.del('/custom_object_defs/product_master/custom_objects/bulk', { key }),
			api.del('/custom_object_defs/unknown', { key }),
		];
		for (const res of await Promise.all(calls)) {
			expect(res.status).toBe(403);
			expect(res.json).toEqual(forbidden);
		}
		expect(sim.store.customObjects.size).toBe(180);
		expect((await api.get('/custom_object_defs')).status).toBe(200);
	});

	test('lifecycle stages off → 403; BI off → 400 on enable_bi: true only', async () => {
		const key = sim.addApiKey({ lifecycleStages: false, bi: false });
		expect((await api.get('/lifecycle_stage_setting', { key })).status).toBe(403);
		const stages = await api.get<{
			lifecycleStageTypes: Array<{ id: number; lifecycleStages: Ref[] }>;
		}>('/lifecycle_stage_setting');
		expect(stages.status).toBe(200);
		expect(stages.json.lifecycleStageTypes[0].lifecycleStages.length).toBe(5);

		const bi = await api.post(
			'/custom_object_defs',
			{ name: '案件分析', key: 'analysis', enable_bi: true },
			{ key },
		);
		expect(bi.status).toBe(400);
		expect(bi.json.messages[0]).toMatch(/^enable_bi/);
		const noBi = await api.post<{ key: string; enableBi: boolean }>(
			'/custom_object_defs',
			{ name: '案件分析', key: 'analysis', enable_bi: false },
			{ key },
		);
		expect(noBi.status).toBe(201);
		expect(noBi.json).toMatchObject({ key: 'analysis', enableBi: false });
		const withBi = await api.patch<{ enableBi: boolean }>('/custom_object_defs/analysis', {
			enable_bi: true,
		});
		expect(withBi.json.enableBi).toBe(true);
	});
});

describe('semantics', () => {
	test('deleting a customer deletes its deals, actions and contacts', async () => {
		const customerId = [...sim.store.customers.keys()].find(
			(id) =>
				[...sim.store.deals.values()].some(
					(d) =>
						d.customerId === id && [...sim.store.actions.values()].some((a) => a.dealId === d.id),
				) &&
				[...sim.store.contacts.values()].some((c) => c.customerId === id) &&
				[...sim.store.actions.values()].some((a) => a.kind === 'customer' && a.customerId === id),
		);
		if (customerId === undefined) throw new Error('seed changed');
		const deals = [...sim.store.deals.values()]
			.filter((d) => d.customerId === customerId)
			.map((d) => d.id);
		const contacts = [...sim.store.contacts.values()]
			.filter((c) => c.customerId === customerId)
			.map((c) => c.id);
		const dealActions = [...sim.store.actions.values()]
			.filter((a) => a.dealId !== null && deals.includes(a.dealId))
			.map((a) => a.id);
		const before = await api.get<PageJson<'actions', ActionJson>>(
			`/customers/${customerId}/actions`,
		);
		expect(before.json.totalCount).toBeGreaterThan(0);

		expect((await api.del(`/customers/${customerId}`)).status).toBe(200);
		for (const id of deals) expect((await api.get(`/deals/${id}`)).status).toBe(404);
		for (const id of contacts) expect((await api.get(`/contacts/${id}`)).status).toBe(404);
		for (const id of dealActions) expect((await api.get(`/actions/${id}`)).status).toBe(404);
		expect((await api.get(`/customers/${customerId}/actions`)).status).toBe(404);
		expect([...sim.store.actions.values()].some((a) => a.customerId === customerId)).toBe(false);
	});

	test('deleting a deal deletes its actions; unlinking a deal contact keeps the contact', async () => {
		const deal = [...sim.store.deals.values()].find(
			(d) =>
				(sim.store.dealContacts.get(d.id)?.size ?? 0) > 0 &&
				[...sim.store.actions.values()].some((a) => a.dealId === d.id),
		);
		if (!deal) throw new Error('seed changed');
		const [contactId] = [...(sim.store.dealContacts.get(deal.id) ?? [])];
		const linked = await api.get<PageJson<'contacts', ContactJson>>(`/deals/${deal.id}/contacts`);
		expect(linked.json.contacts.map((c) => c.id)).toContain(contactId);
		expect((await api.del(`/deals/${deal.id}/contacts/${contactId}`)).status).toBe(200);
		expect((await api.get(`/contacts/${contactId}`)).status).toBe(200);
		expect((await api.del(`/deals/${deal.id}/contacts/${contactId}`)).status).toBe(404);
		expect((await api.post(`/deals/${deal.id}/contacts/${contactId}`)).status).toBe(201);
		expect((await api.post(`/deals/${deal.id}/contacts/${contactId}`)).status).toBe(400);

		const actions = await api.get<PageJson<'actions', ActionJson>>(`/actions?dealId=${deal.id}`);
		expect(actions.json.totalCount).toBeGreaterThan(0);
		expect((await api.del(`/deals/${deal.id}`)).status).toBe(200);
		const after = await api.get<PageJson<'actions', ActionJson>>(`/actions?dealId=${deal.id}`);
		expect(after.json.totalCount).toBe(0);
		expect((await api.get(`/customers/${deal.customerId}`)).status).toBe(200);
	});

	test('user group members: add, no-op without userId, remove, replace, empty with []', async () => {
		type Group = { id: number; name: string; orderNum: number; users: Ref[] };
		const noop = await api.post<Group>('/user_groups/3/users', {});
		expect(noop.status).toBe(200);
		expect(noop.json.users.map((u) => u.id)).toEqual([8, 9]);
		const added = await api.post<Group>('/user_groups/3/users', { userId: 10 });
		expect(added.status).toBe(200);
		expect(added.json.users.map((u) => u.id)).toEqual([8, 9, 10]);
		expect((await api.post('/user_groups/3/users', { userId: 999 })).status).toBe(404);
		expect((await api.del('/user_groups/3/users/8')).status).toBe(200);
		expect(sim.store.users.has(8)).toBe(true);
		const unchanged = await api.patch<Group>('/user_groups/3/users/bulk', {});
		expect(unchanged.json.users.map((u) => u.id)).toEqual([9, 10]);
		const replaced = await api.patch<Group>('/user_groups/3/users/bulk', { userIds: [1, 2] });
		expect(replaced.json.users.map((u) => u.id)).toEqual([1, 2]);
		const emptied = await api.patch<Group>('/user_groups/3/users/bulk', { userIds: [] });
		expect(emptied.json.users).toEqual([]);
		const renamedNot = await api.patch<Group>('/user_groups/3', { name: '' });
		expect(renamedNot.json).toEqual({ id: 3, name: 'インサイドセールス', orderNum: 3 });
		const renamed = await api.patch<Group>('/user_groups/3', { name: 'IS' });
		expect(renamed.json.name).toBe('IS');
		expect((await api.patch('/user_groups/99', { name: 'x' })).status).toBe(404);
	});

	test('settings agree with the records', async () => {
		const types = await api.get<Ref[]>('/deal_setting/deal_types');
		expect(types.json).toEqual([
			{ id: 1, name: '新規開拓' },
			{ id: 2, name: '既存深耕' },
		]);
		const settings = new Map<number, DealTypeSettingsJson>();
		for (const t of types.json)
			settings.set(
				t.id,
				(await api.get<DealTypeSettingsJson>(`/deal_setting/deal_types/${t.id}`)).json,
			);
		const deals = await api.get<PageJson<'deals', DealJson>>('/deals?limit=1000');
		for (const deal of deals.json.deals) {
			const s = settings.get(deal.dealType.id);
			expect(s?.phases.map((p) => p.id)).toContain(deal.phase.id);
			expect(s?.products.map((p) => p.id)).toContain(deal.product.id);
			expect(s?.probabilities.map((p) => p.id)).toContain(deal.probability.id);
			expect(s?.channels.map((p) => p.id)).toContain(deal.channel.id);
			const keys = s?.dealCustomItems.map((i) => i.itemKey) ?? [];
			expect(deal.dealCustoms.every((c) => keys.includes(c.itemKey))).toBe(true);
		}
		const actionSetting = await api.get<{
			actionCustomItems: Array<{ itemKey: string; actionCustomItemOptions: Ref[] }>;
		}>('/action_setting');
		expect(actionSetting.json.actionCustomItems.map((i) => i.itemKey)).toEqual([
			'meetingPlace',
			'reaction',
		]);
		const contactSetting = await api.get<{ contactCustomItems: Array<{ itemKey: string }> }>(
			'/contact_setting',
		);
		expect(contactSetting.json.contactCustomItems.map((i) => i.itemKey)).toEqual([
			'interest',
			'seminar',
			'leadSources',
		]);
		expect((await api.get('/deal_setting/deal_types/9')).status).toBe(404);
	});

	test('timestamps are ISO 8601 with +09:00', async () => {
		const customer = await api.get<CustomerJson>('/customers/1');
		const action = await api.get<ActionJson>(
			`/actions/${[...sim.store.actions.values()].find((a) => a.kind === 'deal')?.id}`,
		);
		const object = await api.get<CustomObjectJson>(
			'/custom_object_defs/product_master/custom_objects/1',
		);
		for (const value of [
			customer.json.createdAt,
			customer.json.updatedAt,
			action.json.startDatetime,
			action.json.endDatetime,
			object.json.updatedAt,
			object.json.releaseDate,
		]) {
			expect(value).toMatch(ISO_JST);
		}
	});
});

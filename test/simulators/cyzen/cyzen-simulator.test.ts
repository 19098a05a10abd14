import { request } from 'undici';

import { serveDuringTests } from '../../kit/lifecycle';
import { CATALOGUE } from './catalogue';
import { CyzenSimulator } from './cyzen-simulator';
import { cyzenFaults } from './faults';
import {
	call,
	client,
	CyzenAdmin,
	HEX32,
	UTC_TEXT,
	type ErrorsJson,
	type GroupJson,
	type HistoryJson,
	type ListJson,
	type ReportJson,
	type SpotJson,
	type UserJson,
} from './test-client';

/** §12.1, §12.2, §12.10, §12.11, §12.12 and the admin API, over raw HTTP. */
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

const err = (code: number, message: string): ErrorsJson => ({
	errors: [{ err_code: code, err_msg: message }],
});

describe('base path, token and company (§3, §12.1)', () => {
	test('the API lives under /webapi/v0', async () => {
		expect(sim.baseUrl).toBe(`${sim.url}/webapi/v0`);
		const res = await api.get<ListJson<'groups', GroupJson>>('/groups');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toContain('application/json');
		expect(res.json.groups.length).toBe(6);
		const outside = await request(`${sim.url}/groups?company_id=${sim.companyId}`, {
			headers: { authorization: `bearer ${sim.accessToken}` },
		});
		expect(outside.statusCode).toBe(404);
		await outside.body.text();
	});

	test('the bearer scheme is accepted in any case (PC1 Bearer, PC2/PC3 bearer)', async () => {
		for (const scheme of ['bearer', 'Bearer', 'BEARER']) {
			expect((await api.get('/groups', {}, { scheme })).status).toBe(200);
		}
		// Another scheme is not a bearer token.
		expect((await api.get('/groups', {}, { scheme: 'Token' })).status).toBe(401);
	});

	test('a missing or unknown token is 401 with errors body 40100', async () => {
		for (const token of [null, 'f'.repeat(64)]) {
			const res = await api.get<ErrorsJson>('/groups', {}, { token });
			expect(res.status).toBe(401);
			expect(res.json).toEqual(err(40100, 'unauthorized'));
		}
	});

	test('company_id is required: missing → 400/40000, another company → 403/40300', async () => {
		const missing = await api.get<ErrorsJson>('/groups', {}, { companyId: null });
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual(err(40000, 'invalid parameter company_id.'));
		const other = await api.get<ErrorsJson>('/groups', {}, { companyId: '0'.repeat(32) });
		expect(other.status).toBe(403);
		expect(other.json).toEqual(err(40300, 'forbidden'));
		// A token check comes first: a bad token with a bad company is still 401.
		const both = await api.get('/groups', {}, { companyId: '0'.repeat(32), token: 'nope' });
		expect(both.status).toBe(401);
	});

	test('POST/PUT take company_id from the form body or, failing that, the query string', async () => {
		const inForm = await api.post<{ group_id: string }>('/groups', {
			group_code: 'SDJ',
			group_name: '仙台営業所',
		});
		expect(inForm.status).toBe(200);
		const inQuery = await call<{ group_id: string }>(sim, 'POST', '/groups', {
			companyId: null,
			query: { company_id: sim.companyId },
			form: { group_code: 'HIR', group_name: '広島営業所' },
		});
		expect(inQuery.status).toBe(200);
		const nowhere = await call<ErrorsJson>(sim, 'POST', '/groups', {
			companyId: null,
			form: { group_code: 'KGS', group_name: '鹿児島営業所' },
		});
		expect(nowhere.status).toBe(400);
		expect(nowhere.json).toEqual(err(40000, 'invalid parameter company_id.'));
		expect(sim.ledger.of({ path: '/groups' }).map((e) => e.fields.group_code)).toEqual([
			'SDJ',
			'HIR',
		]);
	});

	test('DELETE takes company_id from the query string', async () => {
		const group = [...sim.store.groups.values()][5];
		const res = await api.del<{ deleted: number; group_id: string }>('/groups', {
			group_id: group.group_id,
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ deleted: 1, group_id: group.group_id });
		expect(sim.store.groups.has(group.group_id)).toBe(false);
	});

	test('an unknown path under the base answers 404 in the errors shape', async () => {
		const res = await api.get<ErrorsJson>('/appointments');
		expect(res.status).toBe(404);
		expect(res.json).toEqual(err(40400, 'not found'));
	});
});

describe('request encoding (§4, §12.2)', () => {
	test('a JSON body on POST or PUT is 400/40000 and writes nothing', async () => {
		const before = sim.store.spots.size;
		for (const method of ['POST', 'PUT'] as const) {
			const res = await call<ErrorsJson>(sim, method, '/spots', {
				json: { company_id: sim.companyId, spot_name: 'JSON商店', spot_id: 'x' },
			});
			expect(res.status).toBe(400);
			expect(res.json.errors[0].err_code).toBe(40000);
		}
		expect(sim.store.spots.size).toBe(before);
		expect(sim.ledger.entries).toHaveLength(0);
	});

	test('form fields are read as UTF-8 (Japanese names survive)', async () => {
		const res = await api.post<{ spot_id: string }>('/spots', {
			spot_name: '株式会社テスト商事 渋谷店',
			kana_name: 'カブシキガイシャテストショウジ',
			address: '東京都渋谷区道玄坂1丁目2-3',
		});
		expect(res.status).toBe(200);
		expect(sim.spotJson(res.json.spot_id)).toMatchObject({
			spot_name: '株式会社テスト商事 渋谷店',
			spot_name_kana: 'カブシキガイシャテストショウジ',
			address: '東京都渋谷区道玄坂1丁目2-3',
		});
	});

	test('an id list may repeat the field or be comma-separated', async () => {
		const tags = [...sim.store.spotTags.keys()];
		const spot = [...sim.store.spots.values()][0];
		await api.put('/spots', { spot_id: spot.spot_id, spot_tag_id: [tags[0], tags[1]] });
		expect(new Set(sim.store.tagIdsOfSpot(spot.spot_id))).toEqual(new Set([tags[0], tags[1]]));
		await api.put('/spots', { spot_id: spot.spot_id, spot_tag_id: `${tags[2]},${tags[3]}` });
		expect(new Set(sim.store.tagIdsOfSpot(spot.spot_id))).toEqual(new Set([tags[2], tags[3]]));
	});
});

describe('shapes (§9, §12.11)', () => {
	test('timestamps are UTC YYYY-MM-DDThh:mm:ss without suffix; ids are 32 hex', async () => {
		const reports = await api.get<ListJson<'reports', ReportJson>>('/reports');
		const users = await api.get<ListJson<'users', UserJson>>('/users');
		const histories = await api.get<ListJson<'histories', HistoryJson>>('/histories');
		expect(reports.json.reports.length).toBeGreaterThan(0);
		for (const r of reports.json.reports) {
			expect(r.report_id).toMatch(HEX32);
			expect(r.report_definition_id).toMatch(HEX32);
			expect(r.created_at).toMatch(UTC_TEXT);
			expect(r.updated_at).toMatch(UTC_TEXT);
		}
		for (const u of users.json.users) expect(u.user_id).toMatch(HEX32);
		for (const h of histories.json.histories) {
			expect(h.history_id).toMatch(HEX32);
			expect(h.create_at).toMatch(UTC_TEXT);
			expect(h).not.toHaveProperty('created_at');
		}
		expect(sim.companyId).toMatch(HEX32);
	});

	test('a write is stamped with the simulator clock in UTC', async () => {
		sim.freezeClock(Date.UTC(2026, 9, 8, 8, 48, 27, 600));
		const res = await api.post<{ spot_id: string }>('/spots', { spot_name: '時計テスト' });
		// 17:48:27 in Japan is 08:48:27 UTC, written without Z (spec §5's example).
		expect(sim.spotJson(res.json.spot_id)).toMatchObject({
			created_at: '2026-10-08T08:48:27',
			updated_at: '2026-10-08T08:48:27',
		});
	});

	test('confirmed objects carry the fields the public code reads', async () => {
		const spots = await api.get<ListJson<'spots', SpotJson>>('/spots');
		expect(Object.keys(spots.json.spots[0]).sort()).toEqual(
			[
				'spot_id',
				'spot_code',
				'spot_name',
				'spot_name_kana',
				'zip_code',
				'tel',
				'fax',
				'address',
				'valid_from',
				'valid_to',
				'url',
				'comment',
				'create_user_id',
				'latitude',
				'longitude',
				'spot_tags',
				'created_at',
				'updated_at',
				'extend_data',
			].sort(),
		);
		const groups = await api.get<ListJson<'groups', GroupJson>>('/groups');
		expect(Object.keys(groups.json.groups[0]).sort()).toEqual(
			['group_id', 'group_join_id', 'group_code', 'group_name', 'created_at', 'updated_at'].sort(),
		);
		const statuses = await api.get<ListJson<'statuses', Record<string, unknown>>>('/statuses');
		expect(Object.keys(statuses.json.statuses[0]).sort()).toEqual(
			['group_id', 'status_id', 'status_name', 'created_at', 'updated_at'].sort(),
		);
		const definitions =
			await api.get<ListJson<'report_definitions', Record<string, unknown>>>('/report_definitions');
		expect(Object.keys(definitions.json.report_definitions[0]).sort()).toEqual([
			'report_definition_id',
			'report_definition_name',
		]);
	});
});

describe('faults (§12.10)', () => {
	test('an errors array with HTTP 200 on demand, then normal answers', async () => {
		sim.inject(
			cyzenFaults.errorsWith200('/reports', { code: 40000, message: 'invalid parameter.' }),
		);
		const faulty = await api.get<ErrorsJson>('/reports');
		expect(faulty.status).toBe(200);
		expect(faulty.json).toEqual(err(40000, 'invalid parameter.'));
		const next = await api.get<ListJson<'reports', ReportJson>>('/reports');
		expect(next.status).toBe(200);
		expect(next.json.reports.length).toBeGreaterThan(0);
	});

	test('500 for a chosen path, only that path, as many times as asked', async () => {
		sim.inject(cyzenFaults.serverError('/spots', { times: 2 }));
		expect((await api.get('/spots')).status).toBe(500);
		expect((await api.get('/groups')).status).toBe(200);
		expect((await api.get('/spots')).status).toBe(500);
		expect((await api.get('/spots')).status).toBe(200);
	});

	test('a faulted write changed nothing: the ledger proves it', async () => {
		sim.inject(cyzenFaults.serverError('/spots', { method: 'POST' }));
		expect((await api.post('/spots', { spot_name: '障害テスト' })).status).toBe(500);
		expect(sim.ledger.entries).toHaveLength(0);
		expect((await api.post('/spots', { spot_name: '障害テスト' })).status).toBe(200);
		expect(sim.ledger.of({ path: '/spots', operation: 'create' })).toHaveLength(1);
	});
});

describe('the §10 catalogue', () => {
	test('24 objects, 54 operations: 13 CONFIRMED, 4 EMBEDDED, 37 PROPOSED, plus GET /user_tags', () => {
		const matrix = CATALOGUE.filter((e) => e.object > 0);
		expect(new Set(matrix.map((e) => e.object)).size).toBe(24);
		expect(matrix).toHaveLength(54);
		const count = (status: string) => matrix.filter((e) => e.status === status).length;
		expect([count('CONFIRMED'), count('EMBEDDED'), count('PROPOSED')]).toEqual([13, 4, 37]);
		expect(CATALOGUE.filter((e) => e.object === 0)).toEqual([
			expect.objectContaining({ method: 'GET', path: '/user_tags', status: 'CONFIRMED' }),
		]);
	});

	test('every catalogued read answers 200 with its list under the path name', async () => {
		for (const entry of CATALOGUE.filter((e) => e.method === 'GET')) {
			const res = await api.get<Record<string, unknown>>(entry.path);
			const key = entry.path.slice(1);
			expect({ path: entry.path, status: res.status }).toEqual({ path: entry.path, status: 200 });
			expect({ path: entry.path, list: Array.isArray(res.json[key]) }).toEqual({
				path: entry.path,
				list: true,
			});
		}
	});
});

describe('admin API (/__admin/cyzen)', () => {
	const admin = () => new CyzenAdmin(sim.url);

	test('summary: credentials for the node, switches, counts', async () => {
		const summary = (await admin().summary()) as Record<string, unknown>;
		expect(summary).toMatchObject({
			baseUrl: sim.baseUrl,
			accessToken: sim.accessToken,
			companyId: sim.companyId,
			switches: { proposedPaths: true, throttleStatus: 503, userField: 'lowercase-only' },
		});
		expect((summary.counts as Record<string, number>).spots).toBe(sim.store.spots.size);
	});

	test('switches are set over HTTP, validated, and restored by the kit reset', async () => {
		await admin().setSwitches({ proposedPaths: false, throttleStatus: 429 });
		expect(sim.switches).toMatchObject({ proposedPaths: false, throttleStatus: 429 });
		expect((await api.get('/trackings')).status).toBe(404);
		await expect(admin().setSwitches({ throttleStatus: 418 })).rejects.toThrow(/400/);
		await expect(admin().setSwitches({ noSuchSwitch: true })).rejects.toThrow(/400/);
		await admin().reset();
		expect(sim.switches).toMatchObject({ proposedPaths: true, throttleStatus: 503 });
		expect((await api.get('/trackings')).status).toBe(200);
	});

	test('the ledger is readable and clearable over HTTP', async () => {
		await api.post('/spots', { spot_name: 'レジャー商店', spot_code: 'L-1' });
		const ledger = (await admin().ledger()) as Array<{
			path: string;
			fields: Record<string, string>;
		}>;
		expect(ledger).toHaveLength(1);
		expect(ledger[0]).toMatchObject({
			path: '/spots',
			operation: 'create',
			fields: { spot_code: 'L-1' },
		});
		expect(ledger[0].fields).not.toHaveProperty('company_id');
		await request(`${sim.url}/__admin/cyzen/ledger`, { method: 'DELETE' }).then((r) =>
			r.body.text(),
		);
		expect(sim.ledger.entries).toHaveLength(0);
	});

	test('app events over HTTP: a report filed now shows in GET /reports', async () => {
		const filed = (await admin().appEvent({
			action: 'report',
			items: { 商談内容: '管理APIから' },
		})) as ReportJson;
		expect(filed.report_id).toMatch(HEX32);
		const reports = await api.all<ReportJson>('/reports', 'reports');
		const found = reports.items.find((r) => r.report_id === filed.report_id);
		expect(found?.report_items.find((i) => i.item_name === '商談内容')?.item_value).toBe(
			'管理APIから',
		);
		await expect(admin().appEvent({ action: 'explode' })).rejects.toThrow(/unknown action/);
	});

	test('reseeding over HTTP replaces the tenant and survives later resets', async () => {
		await admin().reseed({ spots: 7, reports: 5 });
		expect(sim.store.spots.size).toBe(7);
		await admin().reset();
		expect(sim.store.spots.size).toBe(7);
		sim.seed();
		expect(sim.store.spots.size).toBe(260);
	});

	test('admin calls are not in the request log and not rate limited', async () => {
		await admin().summary();
		expect(sim.requests).toHaveLength(0);
	});
});

describe('app-side events (what a trigger must notice)', () => {
	test('a report edited now moves to the end of the update order; its id stays', async () => {
		sim.freezeClock(sim.now() + 60_000);
		const old = [...sim.store.reports.values()].sort((a, b) =>
			a.updated_at < b.updated_at ? -1 : 1,
		)[0];
		sim.app.editReport(old.report_id, { 商談内容: '訂正: 次回は見積持参' });
		const walk = await api.all<ReportJson>('/reports', 'reports');
		const last = walk.items[walk.items.length - 1];
		expect(last.report_id).toBe(old.report_id);
		expect(last.updated_at).toBe(new Date(sim.now()).toISOString().slice(0, 19));
		expect(last.created_at < last.updated_at).toBe(true);
	});

	test('a console edit of a spot shows in the spots window; a schedule deleted in the app shows with get_deleted', async () => {
		sim.freezeClock(sim.now() + 60_000);
		const now = new Date(sim.now()).toISOString().slice(0, 19);
		const spot = [...sim.store.spots.values()].find((s) => s.updated_at < now);
		sim.app.touch('spot', spot?.spot_id ?? '', { comment: '営業時間変更' });
		const spots = await api.get<ListJson<'spots', SpotJson>>('/spots', { updated_from: now });
		expect(spots.json.spots.map((s) => [s.spot_id, s.comment])).toEqual([
			[spot?.spot_id, '営業時間変更'],
		]);

		const schedule = [...sim.store.schedules.values()].find((s) => s.deleted_at === null);
		sim.app.deleteSchedule(schedule?.schedule_id ?? '');
		expect(sim.store.schedules.get(schedule?.schedule_id ?? '')).toMatchObject({
			deleted_at: now,
			updated_at: now,
		});
	});

	test("a position recorded now is the user's latest in /members_statuses", async () => {
		const user = [...sim.store.users.values()][2];
		sim.freezeClock(sim.now() + 60_000);
		sim.app.track(user.user_id, 35.6595, 139.7005);
		const res =
			await api.get<
				ListJson<'members_statuses', { user_id: string; tracking: Record<string, unknown> | null }>
			>('/members_statuses');
		expect(res.json.members_statuses.find((m) => m.user_id === user.user_id)?.tracking).toEqual({
			tracking_latitude: 35.6595,
			tracking_longitude: 139.7005,
			tracking_accuracy: 15,
			create_at: new Date(sim.now()).toISOString().slice(0, 19),
		});
	});
});

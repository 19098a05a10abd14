import { serveDuringTests } from '../../kit/lifecycle';
import { CATALOGUE } from './catalogue';
import { CyzenSimulator } from './cyzen-simulator';
import {
	call,
	client,
	DAY_MS,
	utc,
	type ErrorsJson,
	type ListJson,
	type ScheduleJson,
	type SpotJson,
	type UserJson,
} from './test-client';

/** §10.1, §10.2 and §12.12: the PROPOSED paths, their shapes, and the one switch. */
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

const NOT_FOUND: ErrorsJson = { errors: [{ err_code: 40400, err_msg: 'not found' }] };
const invalid = (name: string): ErrorsJson => ({
	errors: [{ err_code: 40000, err_msg: `invalid parameter ${name}.` }],
});

type Row = Record<string, unknown>;
async function rows(path: string, query: Record<string, string> = {}): Promise<Row[]> {
	const res = await api.get<Record<string, Row[]>>(path, query);
	expect({ path, status: res.status }).toEqual({ path, status: 200 });
	return res.json[path.slice(1)];
}

const first = <T>(map: Map<string, T>, index = 0): T => [...map.values()][index];

describe('the PROPOSED-paths switch', () => {
	const proposed = CATALOGUE.filter((e) => e.status !== 'CONFIRMED');
	const confirmed = CATALOGUE.filter((e) => e.status === 'CONFIRMED');

	test('on (default): every non-confirmed method and path is served (37 PROPOSED + 4 EMBEDDED)', async () => {
		expect(proposed).toHaveLength(41);
		for (const entry of proposed) {
			const res = await call<ErrorsJson>(sim, entry.method, entry.path);
			// Reads answer 200; writes without fields answer 400 — the route exists either way.
			expect({ entry: `${entry.method} ${entry.path}`, notFound: res.status === 404 }).toEqual({
				entry: `${entry.method} ${entry.path}`,
				notFound: false,
			});
		}
	});

	test('off: each of them is 404/40400; the 14 confirmed operations keep working', async () => {
		sim.setSwitches({ proposedPaths: false });
		for (const entry of proposed) {
			const res = await call<ErrorsJson>(sim, entry.method, entry.path);
			expect({ entry: `${entry.method} ${entry.path}`, status: res.status }).toEqual({
				entry: `${entry.method} ${entry.path}`,
				status: 404,
			});
			expect(res.json).toEqual(NOT_FOUND);
		}
		expect(confirmed).toHaveLength(14);
		for (const entry of confirmed.filter((e) => e.method === 'GET'))
			expect({ path: entry.path, status: (await api.get(entry.path)).status }).toEqual({
				path: entry.path,
				status: 200,
			});
		// The embedded data stays where the confirmed endpoints carry it.
		const users = await api.get<ListJson<'users', UserJson>>('/users');
		expect(users.json.users[0].groups.length).toBeGreaterThan(0);
		expect((await api.post('/spots', { spot_name: '確認済みの登録' })).status).toBe(200);
		expect(sim.ledger.entries).toHaveLength(1);
	});
});

describe('§10.2 response shapes', () => {
	const exact: Array<[string, string[]]> = [
		[
			'/trackings',
			[
				'tracking_id',
				'user_id',
				'group_id',
				'tracking_latitude',
				'tracking_longitude',
				'tracking_accuracy',
				'create_at',
				'updated_at',
			],
		],
		[
			'/spot_customer_staffs',
			[
				'spot_customer_staff_id',
				'spot_id',
				'staff_name',
				'staff_name_kana',
				'department',
				'position',
				'tel',
				'email',
				'comment',
				'created_at',
				'updated_at',
			],
		],
		['/spot_staffs', ['spot_id', 'user_id', 'created_at']],
		['/spot_tag_relations', ['spot_id', 'spot_tag_id', 'created_at']],
		['/user_groups', ['user_id', 'group_id', 'group_name', 'is_group_owner']],
		[
			'/action_types',
			['action_type_id', 'group_id', 'action_type_name', 'created_at', 'updated_at'],
		],
		['/images', ['image_id', 'report_id', 'file_name', 'content_type', 'url', 'created_at']],
		['/schedule_members', ['schedule_id', 'user_id']],
		[
			'/transportation_expenses',
			[
				'transportation_expense_id',
				'user_id',
				'group_id',
				'use_date',
				'route',
				'amount',
				'created_at',
				'updated_at',
			],
		],
		[
			'/spot_photos',
			['spot_photo_id', 'spot_id', 'url', 'spot_photo_tags', 'created_at', 'updated_at'],
		],
		['/spot_photo_tags', ['spot_photo_tag_id', 'spot_photo_tag_name', 'created_at', 'updated_at']],
		['/spot_classification_definitions', ['spot_classification_definition_id', 'name', 'levels']],
		['/spot_photo_metadata', ['spot_photo_id', 'metadata']],
	];

	test.each(exact)('%s rows have exactly the proposed fields', async (path, fields) => {
		const list = await rows(path);
		expect(list.length).toBeGreaterThan(0);
		expect(Object.keys(list[0]).sort()).toEqual([...fields].sort());
	});

	test('/spot_classifications rows have the proposed fields plus their definition and times', async () => {
		const list = await rows('/spot_classifications');
		expect(Object.keys(list[0])).toEqual(
			expect.arrayContaining([
				'spot_classification_id',
				'spot_id',
				'values',
				'spot_classification_definition_id',
			]),
		);
		expect(Array.isArray(list[0].values)).toBe(true);
	});

	test('filters by <object>_id and by parent id; lists over 200 page with next_<object>_id', async () => {
		const report = [...sim.store.images.values()][0].report_id;
		const images = await rows('/images', { report_id: report });
		expect(images.length).toBeGreaterThan(0);
		expect(images.every((i) => i.report_id === report)).toBe(true);
		const spot = first(sim.store.spotCustomerStaffs).spot_id;
		expect(
			(await rows('/spot_customer_staffs', { spot_id: spot })).every((s) => s.spot_id === spot),
		).toBe(true);
		// 260 spots × 2 definitions = 520 classifications.
		const walk = await api.all<Row>('/spot_classifications', 'spot_classifications');
		expect(walk.pageSizes).toEqual([200, 200, 120]);
		expect(walk.cursors.map((c) => Object.keys(c))).toEqual([
			['next_spot_classification_id'],
			['next_spot_classification_id'],
		]);
	});

	test('/transportation_expenses takes a 7-day window of use dates', async () => {
		const now = sim.now();
		const res = await api.get<ErrorsJson>('/transportation_expenses', {
			from_date: utc(now - 8 * DAY_MS),
			to_date: utc(now),
		});
		expect(res.json).toEqual(invalid('to_date'));
		const week = await rows('/transportation_expenses', {
			from_date: utc(now - 7 * DAY_MS),
			to_date: utc(now),
		});
		expect(week.every((e) => String(e.use_date) >= utc(now - 7 * DAY_MS).slice(0, 10))).toBe(true);
	});
});

describe('PROPOSED writes (§10.1: create → {<object>_id}, update → {modified: 1, …}, delete → {deleted: 1, …})', () => {
	test('groups: create, update, delete (memberships go with the group)', async () => {
		const created = await api.post<{ group_id: string }>('/groups', {
			group_code: 'SDJ',
			group_name: '仙台営業所',
		});
		const { group_id } = created.json;
		expect(
			(await api.post<ErrorsJson>('/groups', { group_code: 'SDJ', group_name: '重複' })).json,
		).toEqual(invalid('group_code'));
		expect((await api.post<ErrorsJson>('/groups', { group_code: 'X' })).json).toEqual(
			invalid('group_name'),
		);
		expect((await api.put('/groups', { group_id, group_name: '仙台支店' })).json).toEqual({
			modified: 1,
			group_id,
		});
		const user = first(sim.store.users);
		await api.post('/user_groups', { user_id: user.user_id, group_id });
		expect((await api.del('/groups', { group_id })).json).toEqual({ deleted: 1, group_id });
		expect(sim.store.membershipsOf(user.user_id).some((m) => m.group_id === group_id)).toBe(false);
	});

	test('users: create (login id unique), update, delete', async () => {
		const group = first(sim.store.groups);
		const form = {
			user_login_id: 'new.hire@mirai-setsubi.example.co.jp',
			user_name: '新人 太郎',
			group_id: group.group_id,
		};
		const { json } = await api.post<{ user_id: string }>('/users', form);
		expect((await api.post<ErrorsJson>('/users', form)).json).toEqual(invalid('user_login_id'));
		const read = await api.get<ListJson<'users', UserJson>>('/users', { user_id: json.user_id });
		expect(read.json.users[0]).toMatchObject({
			user_name: '新人 太郎',
			account_status: 1,
			groups: [{ group_id: group.group_id }],
		});
		expect((await api.put('/users', { user_id: json.user_id, account_status: 0 })).json).toEqual({
			modified: 1,
			user_id: json.user_id,
		});
		expect(sim.store.users.get(json.user_id)?.account_status).toBe(0);
		expect(
			(await api.put<ErrorsJson>('/users', { user_id: json.user_id, account_status: 2 })).json,
		).toEqual(invalid('account_status'));
		expect((await api.del('/users', { user_id: json.user_id })).json).toEqual({
			deleted: 1,
			user_id: json.user_id,
		});
		expect(sim.ledger.of({ path: '/users' }).map((e) => e.operation)).toEqual([
			'create',
			'update',
			'delete',
		]);
	});

	test('user_groups: add, change owner flag, remove — seen in GET /users groups[]', async () => {
		const user = [...sim.store.users.values()][10];
		const group = [...sim.store.groups.values()].find(
			(g) => !sim.store.membershipsOf(user.user_id).some((m) => m.group_id === g.group_id),
		);
		const ids = { user_id: user.user_id, group_id: group?.group_id ?? '' };
		expect((await api.post('/user_groups', ids)).json).toEqual(ids);
		expect((await api.post<ErrorsJson>('/user_groups', ids)).json).toEqual(invalid('group_id'));
		expect((await api.put('/user_groups', { ...ids, is_group_owner: 1 })).json).toEqual({
			modified: 1,
			...ids,
		});
		const read = await api.get<ListJson<'users', UserJson>>('/users', { user_id: user.user_id });
		expect(read.json.users[0].groups).toContainEqual({
			group_id: ids.group_id,
			group_name: group?.group_name,
			is_group_owner: 1,
		});
		expect((await api.del('/user_groups', ids)).json).toEqual({ deleted: 1, ...ids });
		expect(await rows('/user_groups', ids)).toEqual([]);
	});

	test('spot_customer_staffs: create needs spot_id and staff_name; update; delete', async () => {
		const spot = first(sim.store.spots, 200);
		expect(
			(await api.post<ErrorsJson>('/spot_customer_staffs', { staff_name: '田中 一郎' })).json,
		).toEqual(invalid('spot_id'));
		const { json } = await api.post<{ spot_customer_staff_id: string }>('/spot_customer_staffs', {
			spot_id: spot.spot_id,
			staff_name: '田中 一郎',
			department: '総務部',
			email: 'tanaka@customer.example.jp',
		});
		const id = json.spot_customer_staff_id;
		expect(
			(await api.put('/spot_customer_staffs', { spot_customer_staff_id: id, position: '部長' }))
				.json,
		).toEqual({ modified: 1, spot_customer_staff_id: id });
		expect(await rows('/spot_customer_staffs', { spot_customer_staff_id: id })).toEqual([
			expect.objectContaining({
				spot_id: spot.spot_id,
				staff_name: '田中 一郎',
				department: '総務部',
				position: '部長',
			}),
		]);
		expect((await api.del('/spot_customer_staffs', { spot_customer_staff_id: id })).json).toEqual({
			deleted: 1,
			spot_customer_staff_id: id,
		});
	});

	test('spot_staffs: assign and unassign a user (both ids required)', async () => {
		const spot = first(sim.store.spots, 250);
		const user = first(sim.store.users, 3);
		const ids = { spot_id: spot.spot_id, user_id: user.user_id };
		expect((await api.post<ErrorsJson>('/spot_staffs', { spot_id: spot.spot_id })).json).toEqual(
			invalid('user_id'),
		);
		expect((await api.post('/spot_staffs', ids)).json).toEqual(ids);
		expect(await rows('/spot_staffs', { spot_id: spot.spot_id })).toEqual([
			expect.objectContaining(ids),
		]);
		expect((await api.del('/spot_staffs', ids)).json).toEqual({ deleted: 1, ...ids });
		expect((await api.del('/spot_staffs', ids)).status).toBe(400);
	});

	test('spot_tag_relations: link, replace the set, unlink — seen in GET /spots spot_tags', async () => {
		const spot = first(sim.store.spots, 5);
		const tags = [...sim.store.spotTags.keys()];
		const tagsOf = async () =>
			(
				await api.get<ListJson<'spots', SpotJson>>('/spots', { spot_id: spot.spot_id })
			).json.spots[0].spot_tags
				.map((t) => t.spot_tag_id)
				.sort();
		await api.put('/spot_tag_relations', {
			spot_id: spot.spot_id,
			spot_tag_id: [tags[0], tags[1]],
		});
		expect(await tagsOf()).toEqual([tags[0], tags[1]].sort());
		expect(
			(await api.post('/spot_tag_relations', { spot_id: spot.spot_id, spot_tag_id: tags[2] })).json,
		).toEqual({ spot_id: spot.spot_id, spot_tag_id: tags[2] });
		expect(await tagsOf()).toEqual([tags[0], tags[1], tags[2]].sort());
		await api.del('/spot_tag_relations', { spot_id: spot.spot_id, spot_tag_id: tags[0] });
		expect(await tagsOf()).toEqual([tags[1], tags[2]].sort());
	});

	test('schedule_members: add, replace the list, remove — seen in GET /schedules users[]', async () => {
		const schedule = [...sim.store.schedules.values()].find((s) => s.deleted_at === null);
		const id = schedule?.schedule_id ?? '';
		const [a, b, c] = [...sim.store.users.keys()].filter((u) => !schedule?.members.includes(u));
		const start = Math.floor(Date.parse(`${schedule?.start_date}Z`) / DAY_MS) * DAY_MS;
		const membersOf = async () => {
			const walk = await api.all<ScheduleJson>('/schedules', 'schedules', {
				from_date: utc(start),
				to_date: utc(start + DAY_MS - 1000),
			});
			return walk.items.find((s) => s.schedule_id === id)?.users.map((u) => u.user_id);
		};
		await api.put('/schedule_members', { schedule_id: id, user_id: `${a},${b}` });
		expect(await membersOf()).toEqual([a, b]);
		await api.post('/schedule_members', { schedule_id: id, user_id: c });
		expect(await membersOf()).toEqual([a, b, c]);
		await api.del('/schedule_members', { schedule_id: id, user_id: a });
		expect(await membersOf()).toEqual([b, c]);
		expect(await rows('/schedule_members', { schedule_id: id })).toEqual(
			[
				{ schedule_id: id, user_id: b },
				{ schedule_id: id, user_id: c },
			].sort((x, y) => (x.user_id < y.user_id ? -1 : 1)),
		);
	});

	test('spot photos and photo tags: delete; a deleted tag leaves every photo', async () => {
		const photo = first(sim.store.spotPhotos);
		const tag = photo.tagIds[0];
		expect((await api.del('/spot_photo_tags', { spot_photo_tag_id: tag })).json).toEqual({
			deleted: 1,
			spot_photo_tag_id: tag,
		});
		const photos = await rows('/spot_photos');
		expect(
			photos.every(
				(p) =>
					!(p.spot_photo_tags as Array<{ spot_photo_tag_id: string }>).some(
						(t) => t.spot_photo_tag_id === tag,
					),
			),
		).toBe(true);
		expect((await api.del('/spot_photos', { spot_photo_id: photo.spot_photo_id })).json).toEqual({
			deleted: 1,
			spot_photo_id: photo.spot_photo_id,
		});
		expect(await rows('/spot_photo_metadata', { spot_photo_id: photo.spot_photo_id })).toEqual([]);
	});

	test('spot_photo_metadata: update with a JSON object string', async () => {
		const photo = first(sim.store.spotPhotos, 1);
		const metadata = { taken_at: '2026-10-08T08:48:27', 向き: '北' };
		expect(
			(
				await api.put('/spot_photo_metadata', {
					spot_photo_id: photo.spot_photo_id,
					metadata: JSON.stringify(metadata),
				})
			).json,
		).toEqual({ modified: 1, spot_photo_id: photo.spot_photo_id });
		expect(await rows('/spot_photo_metadata', { spot_photo_id: photo.spot_photo_id })).toEqual([
			{ spot_photo_id: photo.spot_photo_id, metadata },
		]);
		expect(
			(
				await api.put<ErrorsJson>('/spot_photo_metadata', {
					spot_photo_id: photo.spot_photo_id,
					metadata: '[1]',
				})
			).json,
		).toEqual(invalid('metadata'));
	});

	test('spot_classifications: update values, no more than the definition has levels', async () => {
		const area = [...sim.store.spotClassifications.values()].find((c) => c.values.length === 3);
		const id = area?.spot_classification_id ?? '';
		expect(
			(
				await api.put('/spot_classifications', {
					spot_classification_id: id,
					values: ['関東', '東京都', '丸の内エリア'],
				})
			).json,
		).toEqual({ modified: 1, spot_classification_id: id });
		expect((await rows('/spot_classifications', { spot_classification_id: id }))[0].values).toEqual(
			['関東', '東京都', '丸の内エリア'],
		);
		expect(
			(
				await api.put<ErrorsJson>('/spot_classifications', {
					spot_classification_id: id,
					values: 'a,b,c,d',
				})
			).json,
		).toEqual(invalid('values'));
	});
});

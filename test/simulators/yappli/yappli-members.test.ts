import { serveDuringTests } from '../../kit/lifecycle';
import { client, jst, type ErrorJson, type MemberEnvelope } from './test-client';
import { YappliSimulator } from './yappli-simulator';

/** Members: create validation, update, custom-field key names, unique-id lookup. */
const sim = serveDuringTests(new YappliSimulator({ seed: { members: 30 } }));
const api = client(sim);

beforeEach(() => api.login());

/** A fixed instant: 2026-02-01 00:30:00 in Japan, still 2026-01-31 in UTC. */
const T0 = Date.UTC(2026, 0, 31, 15, 30, 0);

describe('create (POST /api/ext/users)', () => {
	test('the document example creates a member: 200, string id, clock timestamps', async () => {
		sim.freezeClock(T0);
		const res = await api.post<MemberEnvelope>('/api/ext/users', {
			login_id: 'taro@crm.yapp.li',
			password: 'pass1234',
			rank: 'regular',
			column01: 'ヤプリ太郎',
			column02: '2000-12-31',
		});
		expect(res.status).toBe(200);
		const member = res.json.member;
		expect(member).toMatchObject({
			id: '31',
			unique_id: null,
			login_id: 'taro@crm.yapp.li',
			rank: 'regular',
			column01: 'ヤプリ太郎',
			column02: '2000-12-31',
			column03: null,
			point: 0,
			total_point: 0,
			logined: 0,
			enabled: 1,
			memo: null,
			point_geted_at: null,
			point_used_at: null,
			point_expired_at: null,
			point_expired_point: null,
			logined_at: null,
			created_at: '2026-02-01 00:30:00',
			updated_at: '2026-02-01 00:30:00',
		});
		expect(member).not.toHaveProperty('password');
		expect(sim.store.members.get('31')?.password).toBe('pass1234');
	});

	test('an empty body is enough (no field is required)', async () => {
		const res = await api.post<MemberEnvelope>('/api/ext/users', {});
		expect(res.status).toBe(200);
		expect(res.json.member).toMatchObject({ login_id: null, rank: 'regular', enabled: 1 });
		const empty = await api.post<MemberEnvelope>('/api/ext/users', { login_id: '' });
		expect(empty.status).toBe(200);
		expect(empty.json.member.login_id).toBeNull();
	});

	test('logined=1 with logined_at is stored as Japan time', async () => {
		const res = await api.post<MemberEnvelope>('/api/ext/users', {
			logined: 1,
			logined_at: '2006-01-02 15:04:05',
			secret_question: '好きな色は?',
			secret_answer: '青',
		});
		expect(res.status).toBe(200);
		expect(res.json.member).toMatchObject({
			logined: 1,
			logined_at: '2006-01-02 15:04:05',
			secret_quetion: '好きな色は?',
			secret_answer: '青',
		});
		expect(sim.store.members.get(String(res.json.member.id))?.loginedAt).toBe(
			Date.UTC(2006, 0, 2, 6, 4, 5),
		);
	});

	test.each<[string, Record<string, unknown>, string[]]>([
		['short password', { password: 'abc' }, ['password must be at least 4 characters']],
		['empty unique_id', { unique_id: '' }, ['unique_id must be at least 1 character']],
		['empty rank', { rank: '' }, ['rank must be at least 1 character']],
		['logined=1 alone', { logined: 1 }, ['logined_at is required when logined is 1']],
		[
			'ISO logined_at',
			{ logined: 1, logined_at: '2024-01-01T10:00:00' },
			['logined_at must be a date-time YYYY-MM-DD HH:MM:SS'],
		],
		[
			'impossible date',
			{ logined_at: '2024-02-30 10:00:00' },
			['logined_at must be a date-time YYYY-MM-DD HH:MM:SS'],
		],
		['enabled 2', { enabled: 2 }, ['enabled must be 0 or 1']],
		[
			'logined as string',
			{ logined: '1', logined_at: '2024-01-01 10:00:00' },
			['logined must be 0 or 1'],
		],
		['numeric column', { column05: 9012345678 }, ['column05 must be a string or null']],
		['unknown field', { nickname: 'taro' }, ['unknown field nickname']],
		[
			'response spelling',
			{ secret_quetion: 'q' },
			['unknown field secret_quetion (responses spell it so; requests use secret_question)'],
		],
		['read-only field', { memo: 'x' }, ['memo cannot be written through the API']],
		[
			'duplicate unique_id',
			{ unique_id: 'C100001' },
			['unique_id C100001 is already used by another member'],
		],
		['bad with_column_key', { with_column_key: 'yes' }, ['with_column_key must be a boolean']],
		[
			'several problems at once',
			{ password: '12', enabled: 5 },
			['password must be at least 4 characters', 'enabled must be 0 or 1'],
		],
	])('%s → 400 naming the problem, nothing created', async (_label, body, problems) => {
		expect(sim.store.members.get('1')?.uniqueId).toBe('C100001');
		const before = sim.store.members.size;
		const res = await api.post<ErrorJson>('/api/ext/users', body);
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			error: 'Bad Request',
			error_description: '要求が無効です。',
			errors: problems,
		});
		expect(sim.store.members.size).toBe(before);
	});

	test('rank is refused while the tenant has the rank feature on', async () => {
		sim.tenant.rankEnabled = true;
		const res = await api.post<ErrorJson>('/api/ext/users', { rank: 'gold' });
		expect(res.status).toBe(400);
		expect(res.json.errors).toEqual(['rank cannot be set while the rank feature is enabled']);
		expect((await api.post('/api/ext/users', { column01: 'x' })).status).toBe(200);
	});

	test('custom fields by admin key name; with_column_key answers key names', async () => {
		const res = await api.post<MemberEnvelope>('/api/ext/users', {
			member_rank: 'ゴールド',
			store_code: 'S009',
			column13: '自由記述',
			with_column_key: true,
		});
		expect(res.status).toBe(200);
		expect(res.json.member).toMatchObject({
			member_rank: 'ゴールド',
			store_code: 'S009',
			column13: '自由記述',
		});
		expect(res.json.member).not.toHaveProperty('column09');
		expect(res.json.member).not.toHaveProperty('column10');
		const id = String(res.json.member.id);
		expect(sim.store.members.get(id)?.columns).toMatchObject({
			column09: 'ゴールド',
			column10: 'S009',
		});
		const plain = await api.get<MemberEnvelope>(`/api/ext/users/${id}`);
		expect(plain.json.member).toMatchObject({ column09: 'ゴールド', column10: 'S009' });
		expect(plain.json.member).not.toHaveProperty('store_code');
	});

	test('naming one field twice with different values is a 400', async () => {
		const res = await api.post<ErrorJson>('/api/ext/users', {
			column10: 'S001',
			store_code: 'S002',
		});
		expect(res.status).toBe(400);
		expect(res.json.errors).toEqual([
			'store_code and column10 name the same custom field with different values',
		]);
	});
});

describe('read', () => {
	test('with_column_key=1 or true renames keyed columns only', async () => {
		for (const value of ['1', 'true']) {
			const res = await api.get<MemberEnvelope>(`/api/ext/users/3?with_column_key=${value}`);
			const m = res.json.member;
			expect(Object.keys(m).slice(4, 17)).toEqual([
				'full_name',
				'birthday',
				'name_kana',
				'email',
				'phone',
				'gender',
				'postal_code',
				'prefecture',
				'member_rank',
				'store_code',
				'store_name',
				'newsletter',
				'column13',
			]);
			expect(m.full_name).toBe(sim.store.members.get('3')?.columns.column01);
		}
		const off = await api.get<MemberEnvelope>('/api/ext/users/3?with_column_key=false');
		expect(off.json.member).toHaveProperty('column01');
		expect((await api.get('/api/ext/users/3?with_column_key=maybe')).status).toBe(400);
	});

	test('lookup by unique id; a missing one is a 404', async () => {
		const res = await api.get<MemberEnvelope>('/api/ext/users/unique_id/C100004');
		expect(res.status).toBe(200);
		expect(res.json.member.id).toBe('4');
		expect(res.json.member.unique_id).toBe('C100004');
		const keyed = await api.get<MemberEnvelope>(
			'/api/ext/users/unique_id/C100004?with_column_key=1',
		);
		expect(keyed.json.member).toHaveProperty('email');
		const missing = await api.get<ErrorJson>('/api/ext/users/unique_id/NOPE-1');
		expect(missing.status).toBe(404);
		expect(missing.json.errors).toEqual(['no member with unique_id NOPE-1']);
	});

	test('unique ids with reserved characters work when percent-encoded', async () => {
		const created = await api.post<MemberEnvelope>('/api/ext/users', { unique_id: 'ext/001 あ' });
		expect(created.status).toBe(200);
		const res = await api.get<MemberEnvelope>(
			`/api/ext/users/unique_id/${encodeURIComponent('ext/001 あ')}`,
		);
		expect(res.status).toBe(200);
		expect(res.json.member.id).toBe(created.json.member.id);
	});
});

describe('update (PUT /api/ext/users/{id})', () => {
	test('changes only the fields sent and moves updated_at to the clock', async () => {
		const before = sim.memberJson('2') ?? {};
		sim.freezeClock(Date.now() + 5_000);
		const now = sim.now();
		const res = await api.put<MemberEnvelope>('/api/ext/users/2', {
			login_id: 'new-login@example.com',
			password: 'abcd',
			column01: '更新　太郎',
			enabled: 0,
		});
		expect(res.status).toBe(200);
		const after = res.json.member;
		expect(after).toMatchObject({
			login_id: 'new-login@example.com',
			column01: '更新　太郎',
			enabled: 0,
			updated_at: jst(now),
		});
		for (const kept of [
			'unique_id',
			'rank',
			'column02',
			'column04',
			'point',
			'created_at',
			'logined_at',
		])
			expect(after[kept]).toEqual(before[kept]);
		expect(sim.store.members.get('2')?.password).toBe('abcd');
	});

	test('a PUT that changes nothing leaves updated_at alone', async () => {
		const before = sim.memberJson('2') ?? {};
		sim.advanceClock(60_000);
		const res = await api.put<MemberEnvelope>('/api/ext/users/2', { rank: before.rank });
		expect(res.status).toBe(200);
		expect(res.json.member.updated_at).toBe(before.updated_at);
	});

	test('update rules: login_id and unique_id must not be empty, password ≥ 4', async () => {
		const before = sim.memberJson('2');
		const taken = [...sim.store.members.values()].find((m) => m.id !== '2' && m.uniqueId)?.uniqueId;
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ login_id: '' }, 'login_id must be at least 1 character'],
			[{ unique_id: '' }, 'unique_id must be at least 1 character'],
			[{ password: 'xyz' }, 'password must be at least 4 characters'],
			[{ logined: 1 }, 'logined_at is required when logined is 1'],
			[{ unique_id: taken }, `unique_id ${taken} is already used by another member`],
			[{ id: '9' }, 'id cannot be written through the API'],
		];
		for (const [body, problem] of cases) {
			const res = await api.put<ErrorJson>('/api/ext/users/2', body);
			expect({ body, status: res.status }).toEqual({ body, status: 400 });
			expect(res.json.errors).toEqual([problem]);
		}
		expect(sim.memberJson('2')).toEqual(before);
		expect((await api.put('/api/ext/users/2', { unique_id: 'C100002' })).status).toBe(200);
	});

	test('with_column_key in the query answers key names; unknown id is a 404', async () => {
		const res = await api.put<MemberEnvelope>('/api/ext/users/2?with_column_key=true', {
			store_name: '博多店',
		});
		expect(res.json.member.store_name).toBe('博多店');
		expect(sim.store.members.get('2')?.columns.column11).toBe('博多店');
		expect((await api.put('/api/ext/users/4040', { enabled: 1 })).status).toBe(404);
	});

	test('touchMember edits as in the admin screen and the API sees it', async () => {
		sim.freezeClock(Date.now() + 3_600_000);
		const touched = sim.touchMember('6', {
			memo: '管理画面で更新',
			columns: { store_code: 'S003' },
		});
		expect(touched.updatedAt).toBe(Math.floor(sim.now() / 1000) * 1000);
		const res = await api.get<MemberEnvelope>('/api/ext/users/6');
		expect(res.json.member).toMatchObject({
			memo: '管理画面で更新',
			column10: 'S003',
			updated_at: jst(sim.now()),
		});
	});
});

describe('duplicate unique ids when allowed', () => {
	const loose = serveDuringTests(
		new YappliSimulator({ seed: { members: 3 }, duplicateUniqueId: 'allow' }),
	);
	const looseApi = client(loose);

	test('a second member may take a unique id; lookup answers the lowest id', async () => {
		await looseApi.login();
		const res = await looseApi.post<MemberEnvelope>('/api/ext/users', { unique_id: 'C100001' });
		expect(res.status).toBe(200);
		const found = await looseApi.get<MemberEnvelope>('/api/ext/users/unique_id/C100001');
		expect(found.json.member.id).toBe('1');
	});
});

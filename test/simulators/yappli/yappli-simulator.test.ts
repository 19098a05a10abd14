import { serveDuringTests } from '../../kit/lifecycle';
import { env } from '../../platform/node';
import {
	call,
	client,
	DATE_TIME,
	type ErrorJson,
	type MemberEnvelope,
	type MemberJson,
	type PageJson,
	type TokenJson,
} from './test-client';
import { YappliSimulator } from './yappli-simulator';

/** The simulator itself, driven over HTTP the way the node will drive it. */
const sim = serveDuringTests(new YappliSimulator());
const api = client(sim);

const BAD_REQUEST = { error: 'Bad Request', error_description: '要求が無効です。' };
const AUTH_FAILED = { error: 'Unauthorized', error_description: '認証に失敗しました。' };

const tokenBody = (overrides: Record<string, unknown> = {}) => ({
	grant_type: 'client_credentials',
	client_id: sim.clientId,
	client_secret: sim.clientSecret,
	...overrides,
});

describe('access token (POST /api/ext/token)', () => {
	test('a JSON client-credentials body gets the documented token answer', async () => {
		const res = await api.post<TokenJson>('/api/ext/token', tokenBody(), { token: null });
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual([
			'access_token',
			'token_type',
			'refresh_token',
			'expires_in',
			'scope',
		]);
		expect(res.json).toMatchObject({ token_type: 'bearer', expires_in: 86_400, scope: null });
		expect(res.json.access_token).toMatch(/^[0-9a-f]{40}$/);
		expect(res.json.refresh_token).not.toBe(res.json.access_token);
		expect(sim.tokensIssued).toBe(1);
		const members = await api.get('/api/ext/users', { token: res.json.access_token });
		expect(members.status).toBe(200);
	});

	test('generated credentials differ per simulator and are not fixed strings', () => {
		const other = new YappliSimulator({ seed: { members: 1 } });
		expect(other.clientId).not.toBe(sim.clientId);
		expect(other.clientSecret).not.toBe(sim.clientSecret);
		expect(sim.clientSecret.length).toBeGreaterThanOrEqual(32);
	});

	test('a wrong client secret or id is a 401 with the documented body, and no token', async () => {
		for (const wrong of [
			{ client_secret: `${sim.clientSecret}x` },
			{ client_id: 'someone-else' },
		]) {
			const res = await api.post<ErrorJson>('/api/ext/token', tokenBody(wrong), { token: null });
			expect(res.status).toBe(401);
			expect(res.json).toMatchObject(AUTH_FAILED);
			expect(res.json.errors).toEqual(['invalid client_id or client_secret']);
		}
		expect(sim.tokensIssued).toBe(0);
	});

	test("a registered client gets tokens with its own secret, not another client's, until a reset", async () => {
		const other = sim.registerClient();
		const own = { client_id: other.clientId, client_secret: other.clientSecret };
		const res = await api.post<TokenJson>('/api/ext/token', tokenBody(own), { token: null });
		expect(res.status).toBe(200);
		const crossed = { client_id: other.clientId, client_secret: sim.clientSecret };
		expect((await api.post('/api/ext/token', tokenBody(crossed), { token: null })).status).toBe(
			401,
		);
		sim.reset();
		expect((await api.post('/api/ext/token', tokenBody(own), { token: null })).status).toBe(401);
		expect((await api.post('/api/ext/token', tokenBody(), { token: null })).status).toBe(200);
	});

	test('malformed token requests are 400 with the documented body', async () => {
		const cases: Array<[string, Parameters<typeof api.post>[2] & { send?: unknown }, string]> = [
			[
				'missing secret',
				{ send: { grant_type: 'client_credentials', client_id: sim.clientId } },
				'client_secret is required',
			],
			[
				'wrong grant',
				{ send: tokenBody({ grant_type: 'password' }) },
				'unsupported grant_type password',
			],
			[
				'form body',
				{
					rawBody: new URLSearchParams(tokenBody() as Record<string, string>).toString(),
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
				},
				'Content-Type must be application/json',
			],
		];
		for (const [label, { send, ...options }, problem] of cases) {
			const res = await api.post<ErrorJson>('/api/ext/token', send, { ...options, token: null });
			expect({ label, status: res.status }).toEqual({ label, status: 400 });
			expect(res.json).toEqual({ ...BAD_REQUEST, errors: [problem] });
		}
		expect(sim.tokensIssued).toBe(0);
	});

	test('a token lives exactly 86,400 s on the simulator clock, then 401', async () => {
		sim.freezeClock(Date.now());
		const token = await api.login();
		sim.advanceClock(86_399_000);
		expect((await api.get('/api/ext/users?per_page=1')).status).toBe(200);
		sim.advanceClock(1000);
		const expired = await api.get<ErrorJson>('/api/ext/users?per_page=1');
		expect(expired.status).toBe(401);
		expect(expired.json).toEqual({ ...AUTH_FAILED, errors: ['access token expired'] });
		const fresh = await api.login();
		expect(fresh).not.toBe(token);
		expect((await api.get('/api/ext/users?per_page=1')).status).toBe(200);
		expect(sim.tokensIssued).toBe(2);
	});

	test('expireAllTokens ends every token now', async () => {
		await api.login();
		expect((await api.get('/api/ext/users/1')).status).toBe(200);
		sim.expireAllTokens();
		expect((await api.get('/api/ext/users/1')).status).toBe(401);
	});

	test('API calls without a token or with an unknown one are 401', async () => {
		const none = await api.get<ErrorJson>('/api/ext/users/1', { token: null });
		expect(none.status).toBe(401);
		expect(none.json).toMatchObject(AUTH_FAILED);
		const unknown = await api.get<ErrorJson>('/api/ext/users/1', { token: 'f'.repeat(40) });
		expect(unknown.status).toBe(401);
		expect(unknown.json.errors).toEqual(['unknown access token']);
		const basic = await api.get('/api/ext/users/1', {
			token: null,
			headers: { authorization: `Basic ${sim.clientSecret}` },
		});
		expect(basic.status).toBe(401);
	});

	test('the expires_in shape switch answers a string', async () => {
		sim.shapes.expiresIn = 'string';
		const res = await api.post<TokenJson>('/api/ext/token', tokenBody(), { token: null });
		expect(res.json.expires_in).toBe('86400');
	});

	test('a reset forgets issued tokens', async () => {
		await api.login();
		sim.reset();
		expect(sim.tokensIssued).toBe(0);
		expect((await api.get('/api/ext/users/1')).status).toBe(401);
	});
});

describe('User-Agent', () => {
	test('a request without User-Agent is a 400, the token call included', async () => {
		const token = await api.post<ErrorJson>('/api/ext/token', tokenBody(), {
			token: null,
			userAgent: null,
		});
		expect(token.status).toBe(400);
		expect(token.json).toEqual({ ...BAD_REQUEST, errors: ['User-Agent header is required'] });
		await api.login();
		const list = await api.get<ErrorJson>('/api/ext/users', { userAgent: null });
		expect(list.status).toBe(400);
		expect((await api.get('/api/ext/users', { userAgent: 'n8n' })).status).toBe(200);
	});

	describe('with requireUserAgent: false', () => {
		const lenient = serveDuringTests(
			new YappliSimulator({ requireUserAgent: false, seed: { members: 3 } }),
		);
		test('requests without User-Agent are served', async () => {
			const res = await call<TokenJson>(lenient, 'POST', '/api/ext/token', undefined, {
				userAgent: null,
				body: {
					grant_type: 'client_credentials',
					client_id: lenient.clientId,
					client_secret: lenient.clientSecret,
				},
			});
			expect(res.status).toBe(200);
			const list = await call<PageJson<'members', MemberJson>>(
				lenient,
				'GET',
				'/api/ext/users',
				res.json.access_token,
				{ userAgent: null },
			);
			expect(list.status).toBe(200);
			expect(list.json.total).toBe(3);
		});
	});
});

describe('paging (GET /api/ext/users)', () => {
	beforeEach(() => api.login());

	test('defaults: page 1 of 50 with total, per_page, current_page, last_page', async () => {
		const res = await api.get<PageJson<'members', MemberJson>>('/api/ext/users');
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual([
			'members',
			'total',
			'per_page',
			'current_page',
			'last_page',
		]);
		expect(res.json).toMatchObject({ total: 120, per_page: 50, current_page: 1, last_page: 3 });
		expect(res.json.members).toHaveLength(50);
	});

	test('the pages together hold every member once; past the end is empty', async () => {
		const seen: string[] = [];
		for (let page = 1; page <= 3; page++) {
			const res = await api.get<PageJson<'members', MemberJson>>(`/api/ext/users?page=${page}`);
			expect(res.json.current_page).toBe(page);
			seen.push(...res.json.members.map((m) => String(m.id)));
		}
		expect(seen).toHaveLength(120);
		expect(new Set(seen).size).toBe(120);
		expect(new Set(seen)).toEqual(new Set(sim.store.members.keys()));
		const past = await api.get<PageJson<'members', MemberJson>>('/api/ext/users?page=4');
		expect(past.json).toEqual({
			members: [],
			total: 120,
			per_page: 50,
			current_page: 4,
			last_page: 3,
		});
	});

	test('per_page goes up to 1000; above, zero or junk is a 400', async () => {
		const all = await api.get<PageJson<'members', MemberJson>>('/api/ext/users?per_page=1000');
		expect(all.json.members).toHaveLength(120);
		expect(all.json.last_page).toBe(1);
		const seven = await api.get<PageJson<'members', MemberJson>>(
			'/api/ext/users?per_page=7&page=18',
		);
		expect(seven.json).toMatchObject({ per_page: 7, current_page: 18, last_page: 18 });
		expect(seven.json.members).toHaveLength(1);
		for (const query of ['per_page=1001', 'per_page=0', 'per_page=abc', 'page=0', 'page=-1']) {
			const res = await api.get<ErrorJson>(`/api/ext/users?${query}`);
			expect({ query, status: res.status }).toEqual({ query, status: 400 });
			expect(res.json).toMatchObject(BAD_REQUEST);
		}
	});

	test('list items are the list subset of the member object', async () => {
		const res = await api.get<PageJson<'members', MemberJson>>('/api/ext/users?per_page=1');
		const item = res.json.members[0];
		expect(item.id).toBe('1');
		expect(item).toHaveProperty('secret_quetion');
		expect(item).not.toHaveProperty('point_used_at');
		expect(item).not.toHaveProperty('point_expired_at');
		expect(item).not.toHaveProperty('point_expired_point');
		expect(item).not.toHaveProperty('password');
		expect(item).toHaveProperty('column50', null);
		const detail = sim.memberJson('1') ?? {};
		const { point_used_at, point_expired_at, point_expired_point, ...subset } = detail;
		expect([point_used_at, point_expired_at, point_expired_point]).toHaveLength(3);
		expect(item).toEqual(subset);
	});

	test('the wrapped list-item switch answers {member: {...}} items', async () => {
		sim.shapes.listItems = 'wrapped';
		const res = await api.get<PageJson<'members', { member: MemberJson }>>(
			'/api/ext/users?per_page=2',
		);
		expect(res.json.members).toHaveLength(2);
		expect(res.json.members[0].member.id).toBe('1');
		expect(Object.keys(res.json.members[0])).toEqual(['member']);
	});
});

describe('the list-item reading a test run asks for (YAPPLI_SIM_LIST_ITEMS)', () => {
	const before = env.YAPPLI_SIM_LIST_ITEMS;
	afterEach(() => {
		if (before === undefined) delete env.YAPPLI_SIM_LIST_ITEMS;
		else env.YAPPLI_SIM_LIST_ITEMS = before;
	});

	test('becomes the default of every simulator built, and survives a reset', () => {
		env.YAPPLI_SIM_LIST_ITEMS = 'wrapped';
		const wrapped = new YappliSimulator({ seed: { members: 1 } });
		wrapped.reset();
		expect(wrapped.shapes.listItems).toBe('wrapped');
		env.YAPPLI_SIM_LIST_ITEMS = 'plain';
		expect(new YappliSimulator({ seed: { members: 1 } }).shapes.listItems).toBe('plain');
	});

	test("gives way to a test's own choice, and refuses an unknown reading", () => {
		env.YAPPLI_SIM_LIST_ITEMS = 'wrapped';
		const chosen = new YappliSimulator({ seed: { members: 1 }, shapes: { listItems: 'plain' } });
		expect(chosen.shapes.listItems).toBe('plain');
		env.YAPPLI_SIM_LIST_ITEMS = 'nested';
		expect(() => new YappliSimulator()).toThrow('YAPPLI_SIM_LIST_ITEMS must be plain or wrapped');
	});
});

describe('response shapes and formats', () => {
	beforeEach(() => api.login());

	test('member detail: documented fields in order, strings for ids, Japan-time date-times', async () => {
		const res = await api.get<MemberEnvelope>('/api/ext/users/1');
		expect(res.status).toBe(200);
		const member = res.json.member;
		const columns = Array.from({ length: 50 }, (_, i) => `column${String(i + 1).padStart(2, '0')}`);
		expect(Object.keys(member)).toEqual([
			'id',
			'unique_id',
			'login_id',
			'rank',
			...columns,
			'secret_quetion',
			'secret_answer',
			'point',
			'total_point',
			'logined',
			'enabled',
			'memo',
			'point_geted_at',
			'point_used_at',
			'point_expired_at',
			'point_expired_point',
			'logined_at',
			'created_at',
			'updated_at',
		]);
		expect(member.id).toBe('1');
		expect(member.created_at).toMatch(DATE_TIME);
		expect(member.updated_at).toMatch(DATE_TIME);
		expect(typeof member.point).toBe('number');
		expect([0, 1]).toContain(member.logined);
	});

	test('the member array switch answers a one-element array', async () => {
		sim.shapes.member = 'array';
		const res = await api.get<{ member: MemberJson[] }>('/api/ext/users/2');
		expect(Array.isArray(res.json.member)).toBe(true);
		expect(res.json.member).toHaveLength(1);
		expect(res.json.member[0].id).toBe('2');
	});

	test('an unknown member id is a 404 in the error shape', async () => {
		const res = await api.get<ErrorJson>('/api/ext/users/99999');
		expect(res.status).toBe(404);
		expect(res.json).toEqual({
			error: 'Not Found',
			error_description: '顧客が見つかりません。',
			errors: ['no member with id 99999'],
		});
	});

	test('the demo data is Japanese, deterministic and serves a stable tenant', () => {
		const first = sim.memberJson('1', true) ?? {};
		expect(String(first.full_name)).toMatch(/^\S+\u3000\S+$/);
		expect(String(first.name_kana)).toMatch(/^[\u30A0-\u30FF]+\u3000[\u30A0-\u30FF]+$/);
		expect(String(first.email)).toMatch(/@example\.com$/);
		expect(String(first.phone)).toMatch(/^0[789]0-\d{4}-\d{4}$/);
		const again = new YappliSimulator();
		expect(again.memberJson('1', true)).toEqual(first);
		expect(again.memberJson('120')).toEqual(sim.memberJson('120'));
		const withBalance = [...sim.store.members.keys()].filter(
			(id) => Number(sim.memberJson(id)?.point) > 0,
		);
		expect(withBalance.length).toBeGreaterThan(20);
	});
});

describe('transfer-token check (GET /api/ext/check/{token}?id=)', () => {
	beforeEach(() => api.login());

	test('true once for the matching member, false afterwards', async () => {
		const token = sim.issueTransferToken('5');
		const first = await api.get<{ status: boolean }>(`/api/ext/check/${token}?id=5`);
		expect(first.status).toBe(200);
		expect(first.json).toEqual({ status: true });
		const second = await api.get<{ status: boolean }>(`/api/ext/check/${token}?id=5`);
		expect(second.json).toEqual({ status: false });
	});

	test('false for another member (the token stays usable), an unknown token or member', async () => {
		const token = sim.issueTransferToken('5');
		expect((await api.get(`/api/ext/check/${token}?id=6`)).json).toEqual({ status: false });
		expect((await api.get(`/api/ext/check/${token}?id=99999`)).json).toEqual({ status: false });
		expect((await api.get(`/api/ext/check/${'0'.repeat(48)}?id=5`)).json).toEqual({
			status: false,
		});
		expect((await api.get(`/api/ext/check/${token}?id=5`)).json).toEqual({ status: true });
	});

	test('a missing id is a 400; without a bearer token it is a 401', async () => {
		const token = sim.issueTransferToken('5');
		const noId = await api.get<ErrorJson>(`/api/ext/check/${token}`);
		expect(noId.status).toBe(400);
		expect(noId.json).toEqual({ ...BAD_REQUEST, errors: ['id is required'] });
		expect((await api.get(`/api/ext/check/${token}?id=5`, { token: null })).status).toBe(401);
		expect((await api.get(`/api/ext/check/${token}?id=5`)).json).toEqual({ status: true });
	});

	test('transfer tokens expire after 600 s', async () => {
		sim.freezeClock(Date.now());
		const token = sim.issueTransferToken('5');
		sim.advanceClock(600_000);
		await api.login();
		expect((await api.get(`/api/ext/check/${token}?id=5`)).json).toEqual({ status: false });
	});

	test('the member switch adds the member on success; the test route issues tokens over HTTP', async () => {
		sim.shapes.checkMember = true;
		const issued = await api.post<{ token: string }>('/__yappli/transfer_tokens', { id: '7' });
		expect(issued.status).toBe(200);
		const res = await api.get<{ status: boolean; member: MemberJson }>(
			`/api/ext/check/${issued.json.token}?id=7`,
		);
		expect(res.json.status).toBe(true);
		expect(res.json.member.id).toBe('7');
		expect(res.json.member).toEqual(sim.memberJson('7'));
		expect((await api.post('/__yappli/transfer_tokens', { id: 'nobody' })).status).toBe(404);
	});
});

describe('request encoding', () => {
	beforeEach(() => api.login());

	test('bodies must be UTF-8 JSON', async () => {
		const cases: Array<[Record<string, string>, string, string]> = [
			[
				{ 'content-type': 'text/plain' },
				'{"login_id":"a"}',
				'Content-Type must be application/json',
			],
			[
				{ 'content-type': 'application/json; charset=Shift_JIS' },
				'{"login_id":"a"}',
				'only UTF-8 is supported, got charset=shift_jis',
			],
			[{ 'content-type': 'application/json' }, '{"login_id":', 'request body is not valid JSON'],
			[{ 'content-type': 'application/json' }, '[1,2]', 'request body must be a JSON object'],
		];
		const before = sim.store.members.size;
		for (const [headers, rawBody, problem] of cases) {
			const res = await api.post<ErrorJson>('/api/ext/users', undefined, { headers, rawBody });
			expect({ problem, status: res.status }).toEqual({ problem, status: 400 });
			expect(res.json.errors).toEqual([problem]);
		}
		expect(sim.store.members.size).toBe(before);
	});

	test('Japanese text round-trips in UTF-8', async () => {
		const res = await api.post<MemberEnvelope>('/api/ext/users', {
			column01: 'ヤプリ太郎',
			column03: 'ヤプリ タロウ',
		});
		expect(res.json.member.column01).toBe('ヤプリ太郎');
		expect(String(res.headers['content-type'])).toContain('application/json');
	});
});

describe('rate limit (optional)', () => {
	const limited = serveDuringTests(
		new YappliSimulator({
			seed: { members: 2 },
			rateLimit: { ratePerSecond: 1, burst: 3, retryAfterSeconds: 2 },
		}),
	);

	test('none by default; with rateLimit a drained bucket answers 429 with Retry-After', async () => {
		limited.freezeClock(Date.now());
		const lim = client(limited);
		await lim.login();
		expect((await lim.get('/api/ext/users')).status).toBe(200);
		expect((await lim.get('/api/ext/users')).status).toBe(200);
		const refused = await lim.get<ErrorJson>('/api/ext/users');
		expect(refused.status).toBe(429);
		expect(refused.headers['retry-after']).toBe('2');
		expect(refused.json).toMatchObject({ error: 'Too Many Requests' });
		limited.advanceClock(1000);
		expect((await lim.get('/api/ext/users')).status).toBe(200);
		expect(sim.limiter).toBeUndefined();
	});
});

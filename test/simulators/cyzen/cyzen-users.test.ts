import { serveDuringTests } from '../../kit/lifecycle';
import { CyzenSimulator } from './cyzen-simulator';
import { client, type ErrorsJson, type ListJson, type UserJson } from './test-client';

/** §9.2, §9.3, §11.7 and §12.8: users, `field`, member attributes. */
const sim = serveDuringTests(new CyzenSimulator({ switches: { rateLimit: false } }));
const api = client(sim);

const FIELD_ERROR: ErrorsJson = {
	errors: [{ err_code: 40000, err_msg: 'invalid parameter field.' }],
};

describe('GET /users', () => {
	test('without field: the attested user fields and groups[], no user_tags', async () => {
		const res = await api.get<ListJson<'users', UserJson>>('/users');
		expect(res.json.users).toHaveLength(24);
		const user = res.json.users[0];
		expect(Object.keys(user).sort()).toEqual(
			[
				'user_id',
				'user_login_id',
				'user_code',
				'user_name',
				'app_version',
				'device',
				'os_version',
				'account_status',
				'created_at',
				'updated_at',
				'groups',
			].sort(),
		);
		expect(user.groups.length).toBeGreaterThan(0);
		expect(Object.keys(user.groups[0]).sort()).toEqual([
			'group_id',
			'group_name',
			'is_group_owner',
		]);
		expect(new Set(res.json.users.map((u) => u.account_status))).toEqual(new Set([0, 1]));
	});

	test('field=all adds user_tags with id, name and category', async () => {
		const res = await api.get<ListJson<'users', UserJson>>('/users', { field: 'all' });
		expect(res.status).toBe(200);
		const tagged = res.json.users.filter((u) => (u.user_tags ?? []).length > 0);
		expect(tagged.length).toBe(24);
		expect(Object.keys(tagged[0].user_tags?.[0] ?? {}).sort()).toEqual([
			'user_tag_category_name',
			'user_tag_id',
			'user_tag_name',
		]);
	});

	test('field=ALL is 400 `40000 invalid parameter field.` on the default tenant', async () => {
		for (const value of ['ALL', 'All', 'tags']) {
			const res = await api.get<ErrorsJson>('/users', { field: value });
			expect({ value, status: res.status }).toEqual({ value, status: 400 });
			expect(res.json).toEqual(FIELD_ERROR);
		}
	});

	test('tenant switch "any-case": ALL works too; "rejected": even all is a 400', async () => {
		sim.setSwitches({ userField: 'any-case' });
		const upper = await api.get<ListJson<'users', UserJson>>('/users', { field: 'ALL' });
		expect(upper.status).toBe(200);
		expect(upper.json.users[0].user_tags).toBeDefined();
		sim.setSwitches({ userField: 'rejected' });
		const lower = await api.get<ErrorsJson>('/users', { field: 'all' });
		expect(lower.status).toBe(400);
		expect(lower.json).toEqual(FIELD_ERROR);
		// The fallback the spec proposes still works there: no field at all.
		expect((await api.get('/users')).status).toBe(200);
	});

	test('user_id returns that user', async () => {
		const user = [...sim.store.users.values()][5];
		const res = await api.get<ListJson<'users', UserJson>>('/users', { user_id: user.user_id });
		expect(res.json.users.map((u) => u.user_name)).toEqual([user.user_name]);
	});

	test('more than 200 users page with next_user_id', async () => {
		sim.seed({ users: 230 });
		const walk = await api.all<UserJson>('/users', 'users', { field: 'all' });
		expect(walk.pageSizes).toEqual([200, 30]);
		expect(walk.cursors.map((c) => Object.keys(c))).toEqual([['next_user_id']]);
		sim.seed();
	});
});

test('GET /user_tags lists member attributes with their categories', async () => {
	const res = await api.get<ListJson<'user_tags', Record<string, string>>>('/user_tags');
	expect(res.status).toBe(200);
	expect(new Set(res.json.user_tags.map((t) => t.user_tag_category_name))).toEqual(
		new Set(['役職', '担当', '資格']),
	);
	expect(Object.keys(res.json)).toEqual(['user_tags']);
});

import { request } from 'undici';

import { serveDuringTests } from '../kit/lifecycle';
import { RodemSimulator } from '../simulators/rodem/rodem-simulator';
import { rodemCredentials, runRodem } from './setup';

/** Expense → Get Many through n8n-core's OAuth2 request path, against the simulator. */
const sim = serveDuringTests(new RodemSimulator());
const range = { startDate: '2024-04-01', endDate: '2024-09-30' };

test("the credential resolves RODEM's OAuth endpoints and fixed scope from the base URL", async () => {
	const { resolved } = await rodemCredentials(sim);
	expect(resolved).toEqual(
		expect.objectContaining({
			authUrl: `${sim.baseUrl}/oauth/authorize`,
			accessTokenUrl: `${sim.baseUrl}/oauth/token`,
			scope: 'expense_read',
			grantType: 'authorizationCode',
		}),
	);
});

test('Return All walks offset/limit pages of 200 with yyyymmdd dates, one item per expense', async () => {
	const setup = await rodemCredentials(sim);
	const result = await runRodem(setup, { ...range, returnAll: true });
	expect(result.error?.message).toBeUndefined();
	const pages = sim.received({ path: '/api/v1/expenses' });
	expect(pages.map((r) => r.query)).toEqual([
		{ start_date: '20240401', end_date: '20240930', offset: '0', limit: '200' },
		{ start_date: '20240401', end_date: '20240930', offset: '200', limit: '200' },
	]);
	expect(pages[0].headers.accept).toContain('application/json');
	expect(result.items).toHaveLength(250);
	const first = result.items[0].json;
	expect(first).toEqual(
		expect.objectContaining({
			user_id: 27,
			use_date: expect.any(String),
			price: expect.any(Number),
		}),
	);
	expect(typeof first.sojourn_time).toBe('number');
});

test('Limit asks for no more than it needs', async () => {
	const result = await runRodem(await rodemCredentials(sim), {
		...range,
		returnAll: false,
		limit: 30,
	});
	expect(result.items).toHaveLength(30);
	expect(sim.received({ path: '/api/v1/expenses' }).map((r) => r.query.limit)).toEqual(['30']);
});

test.each(['expens_details', 'expense_details', 'both'] as const)(
	'reads the expense array spelt %s, each expense once',
	async (key) => {
		sim.detailsKey = key;
		const result = await runRodem(await rodemCredentials(sim), { ...range, returnAll: true });
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(250);
	},
);

test('Flatten for Spreadsheets turns route and flags into columns', async () => {
	const result = await runRodem(await rodemCredentials(sim), {
		...range,
		returnAll: false,
		limit: 1,
		options: { flatten: true },
	});
	const row = result.items[0].json;
	expect(row).toEqual(
		expect.objectContaining({
			route: expect.any(String),
			lines: expect.stringContaining('徒歩'),
			stations: expect.stringContaining(' → '),
			flag_best_price: expect.any(Boolean),
			distance_km: expect.any(Number),
		}),
	);
	expect(row).not.toHaveProperty('course_detail');
	expect(row).not.toHaveProperty('flags');
	expect(Object.values(row).every((value) => value === null || typeof value !== 'object')).toBe(
		true,
	);
});

test("the raw page option returns RODEM's pages as they came", async () => {
	const result = await runRodem(await rodemCredentials(sim), {
		...range,
		returnAll: true,
		options: { output: 'page' },
	});
	expect(result.items.map((i) => i.json.total_expense_count)).toEqual([250, 250]);
	expect(result.items.map((i) => i.json.offset)).toEqual([0, 200]);
});

test('an access token that expires during a Return All is refreshed once; the rotated token is stored and the old one is dead', async () => {
	const setup = await rodemCredentials(sim);
	const before = setup.helper.stored(setup.id).oauthTokenData as { refresh_token: string };
	let pages = 0;
	sim.onRequest = (req) => {
		if (req.path === '/api/v1/expenses' && ++pages === 2) sim.expireAllAccessTokens();
	};
	const result = await runRodem(setup, { ...range, returnAll: true });
	expect(result.error?.message).toBeUndefined();
	expect(result.items).toHaveLength(250);
	expect(sim.received({ path: '/api/v1/expenses' }).map((r) => r.status)).toEqual([200, 401, 200]);
	const after = setup.helper.stored(setup.id).oauthTokenData as { refresh_token: string };
	expect(after.refresh_token).not.toBe(before.refresh_token);
	expect(sim.refreshTokenState(before.refresh_token)).toBe('revoked');
	expect(sim.refreshTokenState(after.refresh_token)).toBe('active');
	expect(setup.helper.writes.filter((w) => w.kind === 'oauthTokenData')).toHaveLength(1);
});

test('a start date after the end date is refused before anything is sent', async () => {
	const setup = await rodemCredentials(sim);
	sim.requests.length = 0;
	const result = await runRodem(setup, {
		startDate: '2024-05-01',
		endDate: '2024-04-01',
		returnAll: true,
	});
	expect(result.error?.message).toBe('"Start Date" is after "End Date"');
	expect(sim.requests).toHaveLength(0);
});

test('a revoked grant asks the user to reconnect the credential', async () => {
	const setup = await rodemCredentials(sim);
	const tokens = setup.helper.stored(setup.id).oauthTokenData as { refresh_token: string };
	sim.expireAllAccessTokens();
	// Another client used our refresh token first (rotation): the one n8n holds is now revoked.
	const used = await request(sim.accessTokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			client_id: sim.clientId,
			client_secret: sim.clientSecret,
		}).toString(),
	});
	expect(used.statusCode).toBe(200);
	await used.body.dump();
	const result = await runRodem(setup, { ...range, returnAll: false, limit: 1 });
	expect(result.error?.message).toBe('RODEM: the credential "RODEM" needs to be reconnected');
	expect(result.error?.description).toMatch(/Reconnect/);
	expect(result.error?.description).not.toMatch(/network/i);
});

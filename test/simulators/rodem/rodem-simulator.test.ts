import { ClientOAuth2 } from '@n8n/client-oauth2';
import { request } from 'undici';

import { connectOAuth2 } from '../../harness/oauth2-connect';
import { serveDuringTests } from '../../kit/lifecycle';
import { RodemSimulator } from './rodem-simulator';
import { client, type OAuthErrorJson, type TokenJson } from './test-client';

/** The OAuth 2.0 server, driven over HTTP the way n8n's "Connect my account" and refresh drive it. */
const CALLBACK = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
const sim = serveDuringTests(new RodemSimulator());
const api = client(sim);
const RANGE = { start_date: '20240401', end_date: '20240930' };

describe('authorization-code flow as n8n performs it', () => {
	test.each(['body', 'header'] as const)(
		'connectOAuth2 (client authentication in the %s) yields working tokens',
		async (authentication) => {
			const before = Math.floor(sim.now() / 1000);
			const data = await connectOAuth2(sim.oauthCredential(authentication), CALLBACK);
			const after = Math.floor(sim.now() / 1000);
			expect(data).toEqual({
				access_token: expect.stringMatching(/^[\w-]{43}$/),
				token_type: 'Bearer',
				expires_in: 3600,
				refresh_token: expect.stringMatching(/^[\w-]{43}$/),
				scope: 'expense_read',
				created_at: expect.any(Number),
			});
			// Issued during the flow; on a loaded machine the flow may cross a second boundary.
			expect(data.created_at).toBeGreaterThanOrEqual(before);
			expect(data.created_at).toBeLessThanOrEqual(after);
			const [authorize] = sim.received({ method: 'GET', path: '/oauth/authorize' });
			expect(authorize.query).toMatchObject({
				client_id: sim.clientId,
				redirect_uri: CALLBACK,
				response_type: 'code',
				scope: 'expense_read',
				state: 'test-state',
			});
			const [token] = sim.received({ method: 'POST', path: '/oauth/token' });
			expect(token.body).toMatchObject({
				grant_type: 'authorization_code',
				redirect_uri: CALLBACK,
			});
			expect(token.headers['content-type']).toContain('application/x-www-form-urlencoded');

			const page = await api.expenses(RANGE, String(data.access_token));
			expect(page.status).toBe(200);
			expect(page.json.id).toBe(27);
			expect(sim.issued).toEqual({
				authorizationCodes: 1,
				accessTokens: 1,
				refreshTokens: 1,
				refreshes: 0,
			});
		},
	);

	test("a registered client connects and refreshes on its own; its tokens are not the first client's", async () => {
		const other = sim.registerClient();
		const data = await connectOAuth2({ ...sim.oauthCredential(), ...other }, CALLBACK);
		expect((await api.expenses(RANGE, String(data.access_token))).status).toBe(200);
		// The first client cannot use the other's refresh token; the other can.
		expect((await api.refresh<OAuthErrorJson>(String(data.refresh_token))).json.error).toBe(
			'invalid_grant',
		);
		const renewed = await api.token<TokenJson>({
			client_id: other.clientId,
			client_secret: other.clientSecret,
			grant_type: 'refresh_token',
			refresh_token: String(data.refresh_token),
		});
		expect(renewed.status).toBe(200);
		expect(sim.refreshTokenState(String(data.refresh_token))).toBe('revoked');
		sim.reset();
		const gone = await api.token<OAuthErrorJson>({
			client_id: other.clientId,
			client_secret: other.clientSecret,
			grant_type: 'refresh_token',
			refresh_token: renewed.json.refresh_token,
		});
		expect(gone.json.error).toBe('invalid_client');
	});

	test('authorize redirects 302 to the registered URI with code and the echoed state', async () => {
		const res = await api.authorize(api.authorizeParams());
		expect(res.status).toBe(302);
		const location = new URL(String(res.headers.location));
		expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
		expect([...location.searchParams.keys()].sort()).toEqual(['code', 'state']);
		expect(location.searchParams.get('state')).toBe('xyz');
		const noState = await api.authorize(api.authorizeParams(CALLBACK, null));
		expect(new URL(String(noState.headers.location)).searchParams.has('state')).toBe(false);
	});

	test('the token of the user logged in at consent time reads that user', async () => {
		sim.loginUserId = 31;
		const token = await api.exchange(await api.code());
		const page = await api.expenses(RANGE, token.json.access_token);
		expect(page.json.id).toBe(31);
		expect(page.json.total_expense_count).toBe(sim.expensesOf(31).length);
	});
});

describe('authorize errors', () => {
	test('an unregistered redirect_uri is a 400 shown to the user, never a redirect', async () => {
		for (const uri of [
			'http://127.0.0.1:5679/rest/oauth2-credential/callback',
			`${CALLBACK}/`,
			`${CALLBACK}?x=1`,
			'https://evil.example/cb',
		]) {
			const res = await api.authorize(api.authorizeParams(uri));
			expect([uri, res.status]).toEqual([uri, 400]);
			expect(res.headers.location).toBeUndefined();
			expect(res.json).toEqual({
				error: 'invalid_request',
				error_description: expect.stringContaining('redirect_uri'),
			});
		}
		const missing = await api.authorize({ ...api.authorizeParams(), redirect_uri: undefined });
		expect(missing.status).toBe(400);
		expect(sim.issued.authorizationCodes).toBe(0);
	});

	test('connectOAuth2 fails when n8n calls back on an unregistered URI', async () => {
		await expect(
			connectOAuth2(sim.oauthCredential(), 'http://127.0.0.1:9999/callback'),
		).rejects.toThrow('authorize answered 400');
	});

	test('an unknown or missing client_id is a 400 without redirect', async () => {
		for (const clientId of ['someone-else', undefined]) {
			const res = await api.authorize({ ...api.authorizeParams(), client_id: clientId });
			expect(res.status).toBe(400);
			expect(res.headers.location).toBeUndefined();
			expect(res.json.error).toBe(clientId ? 'invalid_client' : 'invalid_request');
		}
	});

	test('bad response_type or scope redirect back with an RFC 6749 error and the state', async () => {
		const cases: Array<[Record<string, string | undefined>, string]> = [
			[{ response_type: 'token' }, 'unsupported_response_type'],
			[{ response_type: undefined }, 'invalid_request'],
			[{ scope: 'expense_write' }, 'invalid_scope'],
			[{ scope: 'expense_read profile' }, 'invalid_scope'],
			[{ scope: undefined }, 'invalid_scope'],
		];
		for (const [change, error] of cases) {
			const res = await api.authorize({ ...api.authorizeParams(), ...change });
			expect([change, res.status]).toEqual([change, 302]);
			const location = new URL(String(res.headers.location));
			expect([change, location.searchParams.get('error')]).toEqual([change, error]);
			expect(location.searchParams.get('state')).toBe('xyz');
			expect(location.searchParams.has('code')).toBe(false);
		}
	});

	test('consent can be denied, or shown as a page whose 許可 button issues the code', async () => {
		sim.consent = 'deny';
		const denied = await api.authorize(api.authorizeParams());
		expect(new URL(String(denied.headers.location)).searchParams.get('error')).toBe(
			'access_denied',
		);

		sim.consent = 'page';
		const page = await api.authorize(api.authorizeParams());
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toContain('text/html');
		expect(page.text).toContain('許可');
		const form = new URLSearchParams({
			...api.authorizeParams(),
			state: 'xyz',
			decision: 'allow',
		} as Record<string, string>);
		const allowed = await request(sim.authUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
		});
		await allowed.body.dump();
		expect(allowed.statusCode).toBe(302);
		const code = new URL(String(allowed.headers.location)).searchParams.get('code');
		expect((await api.exchange(String(code))).status).toBe(200);
	});

	test('only https redirect URIs can be registered, or http on a loopback host', () => {
		expect(
			() =>
				new RodemSimulator({
					redirectUris: ['http://n8n.example.com/rest/oauth2-credential/callback'],
				}),
		).toThrow('https');
		const ok = new RodemSimulator({
			redirectUris: [
				'https://n8n.example.com/rest/oauth2-credential/callback',
				'http://localhost:5678/cb',
			],
		});
		expect([...ok.oauth.redirectUris]).toHaveLength(2);
		expect(ok.clientSecret).toMatch(/^[0-9a-f]{64}$/);
		expect(ok.clientSecret).not.toBe(sim.clientSecret);
	});
});

describe('code exchange', () => {
	test('a code works once; reuse is invalid_grant', async () => {
		const code = await api.code();
		const first = await api.exchange(code);
		expect(first.status).toBe(200);
		expect(first.headers['cache-control']).toBe('no-store');
		const again = await api.exchange(code);
		expect(again.status).toBe(400);
		expect(again.json).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
		expect(sim.issued.accessTokens).toBe(1);
	});

	test('a code is bound to its redirect_uri and client, and lives 10 minutes', async () => {
		const second = 'https://n8n.example.com/rest/oauth2-credential/callback';
		sim.registerRedirectUri(second);
		const code = await api.code();
		const wrongUri = await api.exchange(code, second);
		expect(wrongUri.status).toBe(400);
		expect(wrongUri.json.error).toBe('invalid_grant');
		const noUri = await api.exchange(code, '');
		expect(noUri.json.error).toBe('invalid_request');
		expect((await api.exchange(code)).status).toBe(200);

		const stale = await api.code();
		sim.advanceClock(600_000);
		const expired = await api.exchange(stale);
		expect(expired.status).toBe(400);
		expect(expired.json.error).toBe('invalid_grant');
		expect((await api.exchange('made-up-code')).json.error).toBe('invalid_grant');
	});

	test('client authentication: body parameters or HTTP Basic; never both; bad → 401 invalid_client', async () => {
		const params = { redirect_uri: CALLBACK, grant_type: 'authorization_code' };
		const basic = await api.token(
			{ ...params, code: await api.code() },
			{ basic: [sim.clientId, sim.clientSecret] },
		);
		expect(basic.status).toBe(200);
		const json = await api.token(
			{
				...params,
				code: await api.code(),
				client_id: sim.clientId,
				client_secret: sim.clientSecret,
			},
			{ json: true },
		);
		expect(json.status).toBe(200);

		const code = await api.code();
		const wrongSecret = await api.token<OAuthErrorJson>({
			...params,
			code,
			client_id: sim.clientId,
			client_secret: 'wrong',
		});
		expect(wrongSecret.status).toBe(401);
		expect(wrongSecret.json.error).toBe('invalid_client');
		const wrongBasic = await api.token<OAuthErrorJson>(
			{ ...params, code },
			{ basic: [sim.clientId, 'wrong'] },
		);
		expect(wrongBasic.status).toBe(401);
		expect(wrongBasic.headers['www-authenticate']).toBe('Basic realm="RODEM"');
		const none = await api.token<OAuthErrorJson>({ ...params, code });
		expect(none.status).toBe(401);
		const both = await api.token<OAuthErrorJson>(
			{ ...params, code, client_secret: sim.clientSecret },
			{ basic: [sim.clientId, sim.clientSecret] },
		);
		expect(both.status).toBe(400);
		expect(both.json.error).toBe('invalid_request');
		// The failures did not use the code up.
		expect((await api.exchange(code)).status).toBe(200);
	});

	test('grant types: missing is invalid_request, others are unsupported_grant_type', async () => {
		const creds = { client_id: sim.clientId, client_secret: sim.clientSecret };
		const missing = await api.token<OAuthErrorJson>(creds);
		expect([missing.status, missing.json.error]).toEqual([400, 'invalid_request']);
		for (const grant of ['client_credentials', 'password', 'implicit']) {
			const res = await api.token<OAuthErrorJson>({ ...creds, grant_type: grant });
			expect([grant, res.status, res.json.error]).toEqual([grant, 400, 'unsupported_grant_type']);
		}
	});
});

describe('refresh tokens rotate', () => {
	test('each refresh returns a new refresh token; the old one is revoked; the new one works once', async () => {
		const first = (await api.exchange(await api.code())).json;
		const second = await api.refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.json.refresh_token).not.toBe(first.refresh_token);
		expect(second.json.access_token).not.toBe(first.access_token);
		expect(second.json.expires_in).toBe(3600);
		expect(sim.refreshTokenState(first.refresh_token)).toBe('revoked');
		expect(sim.refreshTokenState(second.json.refresh_token)).toBe('active');
		expect(sim.refreshTokenState('never-issued')).toBe('unknown');

		const replay = await api.refresh<OAuthErrorJson>(first.refresh_token);
		expect(replay.status).toBe(400);
		expect(replay.json).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });

		const third = await api.refresh(second.json.refresh_token);
		expect(third.status).toBe(200);
		expect((await api.refresh<OAuthErrorJson>(second.json.refresh_token)).json.error).toBe(
			'invalid_grant',
		);
		expect(sim.issued).toEqual({
			authorizationCodes: 1,
			accessTokens: 3,
			refreshTokens: 3,
			refreshes: 2,
		});
		// [proposed] default: the previous access token lives on until it expires.
		expect(sim.accessTokenState(first.access_token)).toBe('active');
		expect((await api.expenses(RANGE, third.json.access_token)).status).toBe(200);
	});

	test('refresh as n8n does it (@n8n/client-oauth2, client credentials in the body)', async () => {
		const data = await connectOAuth2(sim.oauthCredential('body'), CALLBACK);
		const oauth = new ClientOAuth2({
			clientId: sim.clientId,
			clientSecret: sim.clientSecret,
			accessTokenUri: sim.accessTokenUrl,
			authorizationUri: sim.authUrl,
			redirectUri: CALLBACK,
			scopes: ['expense_read'],
			authentication: 'body',
		});
		const stored = {
			access_token: String(data.access_token),
			refresh_token: String(data.refresh_token),
		};
		const refreshed = await oauth.createToken(stored).refresh();
		expect(refreshed.refreshToken).not.toBe(data.refresh_token);
		const [call] = sim.received({ method: 'POST', path: '/oauth/token' }).slice(-1);
		expect(call.body).toEqual({
			refresh_token: data.refresh_token,
			grant_type: 'refresh_token',
			client_id: sim.clientId,
			client_secret: sim.clientSecret,
		});
		await expect(oauth.createToken(stored).refresh()).rejects.toMatchObject({
			body: { error: 'invalid_grant' },
		});
	});

	test('a refresh token of another client or a missing one is refused', async () => {
		const pair = sim.issueTokens();
		const missing = await api.token<OAuthErrorJson>({
			client_id: sim.clientId,
			client_secret: sim.clientSecret,
			grant_type: 'refresh_token',
		});
		expect(missing.json.error).toBe('invalid_request');
		expect((await api.refresh<OAuthErrorJson>(`${pair.refresh_token}x`)).json.error).toBe(
			'invalid_grant',
		);
		expect(sim.refreshTokenState(pair.refresh_token)).toBe('active');
		const foreign = sim.oauth.issueTokens(27, 'another-client');
		expect((await api.refresh<OAuthErrorJson>(foreign.refresh_token)).json.error).toBe(
			'invalid_grant',
		);
		expect(sim.refreshTokenState(foreign.refresh_token)).toBe('active');
	});
});

describe('access tokens expire', () => {
	test('valid for 3,600 s of simulator time, then 401 invalid_token with a Bearer challenge', async () => {
		const { access_token: token, refresh_token: refresh } = (await api.exchange(await api.code()))
			.json;
		sim.advanceClock(3_599_000);
		expect((await api.expenses(RANGE, token)).status).toBe(200);
		sim.advanceClock(1_000);
		const expired = await api.expenses(RANGE, token);
		expect(expired.status).toBe(401);
		expect(expired.json).toEqual({
			error: 'invalid_token',
			error_description: 'The access token expired',
		});
		expect(expired.headers['www-authenticate']).toBe(
			'Bearer realm="RODEM", error="invalid_token", error_description="The access token expired"',
		);
		const renewed = await api.refresh(refresh);
		expect((await api.expenses(RANGE, renewed.json.access_token)).status).toBe(200);
	});

	test('expireAllAccessTokens ends every live token at once', async () => {
		const a = sim.issueTokens();
		const b = sim.issueTokens(31);
		sim.expireAllAccessTokens();
		for (const token of [a.access_token, b.access_token]) {
			expect((await api.expenses(RANGE, token)).status).toBe(401);
			expect(sim.accessTokenState(token)).toBe('expired');
		}
		expect(sim.refreshTokenState(a.refresh_token)).toBe('active');
	});

	test('missing, unknown or malformed credentials are 401 too; the token is not read from the query', async () => {
		const live = sim.issueTokens().access_token;
		const none = await api.expenses(RANGE, null);
		expect(none.status).toBe(401);
		expect(none.json.error).toBe('invalid_token');
		expect(none.headers['www-authenticate']).toBe('Bearer realm="RODEM"');
		expect((await api.expenses(RANGE, 'not-a-token')).status).toBe(401);
		expect((await api.expenses(RANGE, null, { authorization: live })).status).toBe(401);
		expect((await api.expenses({ ...RANGE, access_token: live }, null)).status).toBe(401);
		expect((await api.expenses(RANGE, null, { authorization: `bearer ${live}` })).status).toBe(200);
	});
});

describe('options', () => {
	const strict = serveDuringTests(
		new RodemSimulator({
			minimalTokenResponse: true,
			revokeAccessTokenOnRefresh: true,
			accessTokenLifetimeSeconds: 60,
			basePath: '/rodem',
			clientId: 'fixed-client-id',
		}),
	);
	const strictApi = client(strict);

	test('minimal token bodies, a shorter lifetime, a path prefix and revocation on refresh', async () => {
		expect(strict.accessTokenUrl).toBe(`${strict.url}/rodem/oauth/token`);
		const first = await strictApi.exchange(await strictApi.code());
		expect(Object.keys(first.json)).toEqual(['access_token', 'expires_in', 'refresh_token']);
		expect(first.json.expires_in).toBe(60);
		const second = await strictApi.refresh(first.json.refresh_token);
		expect(second.status).toBe(200);
		const old = await strictApi.expenses(RANGE, first.json.access_token);
		expect(old.status).toBe(401);
		expect(old.json).toEqual({
			error: 'invalid_token',
			error_description: 'The access token was revoked',
		});
		expect((await strictApi.expenses(RANGE, second.json.access_token)).status).toBe(200);
		const data = await connectOAuth2(strict.oauthCredential('body'), CALLBACK);
		expect(data.expires_in).toBe(60);
		expect((data as unknown as TokenJson).token_type).toBeUndefined();
	});

	test('minimalTokenResponse is a live switch; a reset restores the option', async () => {
		sim.minimalTokenResponse = true;
		const minimal = await api.exchange(await api.code());
		expect(Object.keys(minimal.json)).toEqual(['access_token', 'expires_in', 'refresh_token']);
		sim.reset();
		expect(sim.minimalTokenResponse).toBe(false);
		expect((await api.exchange(await api.code())).json.token_type).toBe('Bearer');
	});
});

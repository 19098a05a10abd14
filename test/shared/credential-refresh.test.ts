import { request } from 'undici';

import {
	RotatingOAuth2TestApi,
	SessionTokenTestApi,
	ApiKeyTestApi,
} from '../fixtures/test-credentials';
import { OAuth2ApiParent } from '../fixtures/oauth2-api.credentials';
import { TransportProbe } from '../fixtures/transport-probe.node';
import { CredentialTypesRegistry, runNode, TestCredentialsHelper } from '../harness';
import { connectOAuth2 } from '../harness/oauth2-connect';
import { serveDuringTests } from '../kit/lifecycle';
import { ReferenceSimulator } from '../kit/reference-simulator';

/**
 * Both refresh paths vendor credentials rely on, through the harness's credentials helper and
 * n8n-core's real request helpers: preAuthentication + an expirable field (session tokens) and
 * oAuth2Api's refresh on 401 with a rotating refresh token.
 */
const sim = serveDuringTests(new ReferenceSimulator({ items: 250 }));

function helper() {
	return new TestCredentialsHelper(
		new CredentialTypesRegistry([
			new ApiKeyTestApi(),
			new SessionTokenTestApi(),
			new OAuth2ApiParent(),
			new RotatingOAuth2TestApi(),
		]),
	);
}

describe('preAuthentication with an expirable token', () => {
	const credential = () => ({
		id: 'session-1',
		name: 'Session',
		type: 'sessionTokenTestApi',
		data: {
			baseUrl: sim.url,
			clientId: sim.options.clientId,
			clientSecret: sim.options.clientSecret,
			accessToken: '',
		},
	});
	const run = (credentials: TestCredentialsHelper, parameters: Record<string, unknown>) =>
		runNode(
			{
				type: new TransportProbe(),
				parameters: { authentication: 'session', ...parameters },
				credentials: { sessionTokenTestApi: { id: 'session-1', name: 'Session' } },
			},
			credentials,
		);

	test('fetches a token once, stores it, and reuses it on the next run', async () => {
		const credentials = helper();
		credentials.add(credential());
		await run(credentials, { operation: 'request', path: '/items' });
		const stored = credentials.stored('session-1').accessToken as string;
		expect(sim.sessionTokens.has(stored)).toBe(true);
		await run(credentials, { operation: 'request', path: '/items' });
		expect(sim.received({ path: '/token' })).toHaveLength(1);
		expect(sim.received({ path: '/items' }).map((r) => r.headers.authorization)).toEqual([
			`Bearer ${stored}`,
			`Bearer ${stored}`,
		]);
	});

	test('a token that expires in the middle of a Return All is refreshed once and paging completes', async () => {
		const credentials = helper();
		credentials.add(credential());
		// Every token expires just before page 3 is served.
		let served = 0;
		sim.onRequest = (req) => {
			if (req.path === '/styles/last-page' && ++served === 3) sim.expireAllTokens();
		};
		const result = await run(credentials, {
			operation: 'getAll',
			style: 'lastPage',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(sim.items.map((i) => i.id));
		expect(sim.received({ path: '/styles/last-page' }).map((r) => r.status)).toEqual([
			200, 200, 401, 200,
		]);
		expect(sim.received({ path: '/token' })).toHaveLength(2);
		expect(credentials.writes.filter((w) => w.kind === 'data')).toHaveLength(2);
	});

	test('a wrong secret fails with the vendor message and never shows the secret', async () => {
		const credentials = helper();
		credentials.add({
			...credential(),
			data: { ...credential().data, clientSecret: 'wrong-secret-value' },
		});
		const result = await run(credentials, { operation: 'request', path: '/items' });
		expect(result.error?.message).toBe('Reference returned 401: bad client');
		expect(sim.received({ path: '/items' })).toHaveLength(0);
		expect(JSON.stringify(result.run)).not.toContain('wrong-secret-value');
	});
});

describe('oAuth2Api with rotating refresh tokens', () => {
	async function connected() {
		const credentials = helper();
		const data = {
			baseUrl: sim.url,
			clientId: sim.options.clientId,
			clientSecret: sim.options.clientSecret,
		};
		credentials.add({ id: 'oauth-1', name: 'OAuth', type: 'rotatingOAuth2TestApi', data });
		const resolved = await credentials.getDecrypted(
			{} as never,
			{ id: 'oauth-1', name: 'OAuth' },
			'rotatingOAuth2TestApi',
			'manual',
		);
		expect(resolved.accessTokenUrl).toBe(`${sim.url}/oauth/token`);
		credentials.stored('oauth-1').oauthTokenData = await connectOAuth2(
			resolved,
			sim.options.redirectUri,
		);
		return credentials;
	}
	const run = (credentials: TestCredentialsHelper, parameters: Record<string, unknown>) =>
		runNode(
			{
				type: new TransportProbe(),
				parameters: { authentication: 'oAuth2', ...parameters },
				credentials: { rotatingOAuth2TestApi: { id: 'oauth-1', name: 'OAuth' } },
			},
			credentials,
		);

	test('refreshes on 401 mid Return All, stores the rotated refresh token, and the old one is dead', async () => {
		const credentials = await connected();
		const before = credentials.stored('oauth-1').oauthTokenData as {
			access_token: string;
			refresh_token: string;
		};
		let served = 0;
		sim.onRequest = (req) => {
			if (req.path === '/styles/offset' && ++served === 2) sim.expireAllTokens();
		};
		const result = await run(credentials, {
			operation: 'getAll',
			style: 'offset',
			returnAll: true,
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(sim.received({ path: '/styles/offset' }).map((r) => r.status)).toEqual([200, 401, 200]);
		const refreshes = sim
			.received({ method: 'POST', path: '/oauth/token' })
			.filter((r) => (r.body as { grant_type: string }).grant_type === 'refresh_token');
		expect(refreshes).toHaveLength(1);
		expect((refreshes[0].body as { refresh_token: string }).refresh_token).toBe(
			before.refresh_token,
		);

		const after = credentials.stored('oauth-1').oauthTokenData as {
			access_token: string;
			refresh_token: string;
		};
		expect(after.refresh_token).not.toBe(before.refresh_token);
		expect(sim.refreshTokens.get(after.refresh_token)).toBe(true);
		expect(credentials.writes.filter((w) => w.kind === 'oauthTokenData')).toHaveLength(1);

		const reuse = await request(`${sim.url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: before.refresh_token,
				client_id: sim.options.clientId,
				client_secret: sim.options.clientSecret,
			}).toString(),
		});
		expect(reuse.statusCode).toBe(400);
		expect(await reuse.body.json()).toEqual({
			error: 'invalid_grant',
			error_description: 'refresh token revoked',
		});

		// The next run uses the stored rotated token without another refresh.
		await run(credentials, { operation: 'request', path: '/items' });
		expect(sim.received({ path: '/items' }).at(-1)?.headers.authorization).toBe(
			`Bearer ${after.access_token}`,
		);
	});

	test('a refresh token revoked elsewhere asks to reconnect the credential, not to check the network', async () => {
		const credentials = await connected();
		const stored = credentials.stored('oauth-1').oauthTokenData as { refresh_token: string };
		sim.refreshTokens.set(stored.refresh_token, false);
		sim.expireAllTokens();
		const result = await run(credentials, { operation: 'request', path: '/items' });
		expect(result.error?.message).toBe('Reference: the credential "OAuth" needs to be reconnected');
		expect(result.error?.description).toMatch(/Reconnect/);
		expect(result.error?.description).not.toMatch(/network/i);
		expect(sim.received({ path: '/items' })).toHaveLength(1);
	});
});

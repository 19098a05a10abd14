import { crypto } from '../../platform/node';
import type { SimRequest, SimResponse } from '../../kit/simulator';
import { invalidClient, invalidGrant, invalidRequest, oauthError } from './errors';
import type { ConsentMode } from './types';

/** The only scope RODEM supports (vendor doc). */
export const SCOPE = 'expense_read';

export interface OAuthConfig {
	clientId: string;
	clientSecret: string;
	accessTokenLifetimeSeconds: number;
	/** [proposed] Authorization codes live 10 minutes (RFC 6749 §4.1.2 recommends at most 10). */
	authorizationCodeLifetimeSeconds: number;
	/** [proposed] Answer only the three fields the vendor lists (no token_type, scope, created_at). */
	minimalTokenResponse: boolean;
	/** [proposed] Revoke the previous access token when its refresh token is used. Default false. */
	revokeAccessTokenOnRefresh: boolean;
	/** Path prefix of every route ('' for none). */
	basePath: string;
}

interface CodeEntry {
	clientId: string;
	redirectUri: string;
	userId: number;
	expiresAt: number;
	used: boolean;
}

interface AccessEntry {
	userId: number;
	clientId: string;
	expiresAt: number;
	revoked: boolean;
}

interface RefreshEntry {
	userId: number;
	clientId: string;
	accessToken: string;
	revoked: boolean;
}

export type RefreshTokenState = 'active' | 'revoked' | 'unknown';
export type AccessTokenState = 'active' | 'expired' | 'revoked' | 'unknown';

/** What the token endpoint answers on success. */
export interface TokenResponse {
	access_token: string;
	token_type?: string;
	expires_in: number;
	refresh_token: string;
	scope?: string;
	created_at?: number;
}

/** Counts of what the server issued since the last reset. */
export interface IssuedCounts {
	authorizationCodes: number;
	accessTokens: number;
	refreshTokens: number;
	/** Successful `refresh_token` grants. */
	refreshes: number;
}

/** `crypto` random text in the shape of a Doorkeeper token (43 url-safe base64 characters) [proposed]. */
const randomToken = (): string => crypto.randomBytes(32).toString('base64url');

/** A redirect URI RODEM would register: https, or http on a loopback host for local tests [proposed]. */
export function isRegistrableRedirectUri(uri: string): boolean {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return false;
	}
	if (url.hash) return false;
	if (url.protocol === 'https:') return true;
	return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** One string parameter; a repeated parameter is malformed (RFC 6749 §3.1, §3.2). */
function single(value: unknown, name: string): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	return invalidRequest(`${name} must be given once, as a string`);
}

function htmlEscape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * RODEM's OAuth 2.0 authorization server (vendor doc: `GET /oauth/authorize`, `POST /oauth/token`
 * with `authorization_code` and `refresh_token` grants, scope `expense_read`): the client of the
 * options (plus any a test registers), one-time codes bound to client and redirect URI, access tokens with a lifetime, and
 * refresh tokens that rotate on every use.
 */
export class OAuthServer {
	readonly redirectUris: Set<string>;
	/** Client id → secret. Val Laboratory issues a client per application [proposed]. */
	private readonly clients = new Map<string, string>();
	private codes = new Map<string, CodeEntry>();
	private accessTokens = new Map<string, AccessEntry>();
	private refreshTokens = new Map<string, RefreshEntry>();
	counts: IssuedCounts = { authorizationCodes: 0, accessTokens: 0, refreshTokens: 0, refreshes: 0 };
	/** What the consent screen does. */
	consent: ConsentMode = 'auto';
	/** The RODEM user logged in to the browser that approves (the token's owner). */
	loginUserId = 0;

	constructor(
		readonly config: OAuthConfig,
		redirectUris: string[],
		private readonly now: () => number,
	) {
		this.redirectUris = new Set();
		for (const uri of redirectUris) this.registerRedirectUri(uri);
		this.clients.set(config.clientId, config.clientSecret);
	}

	/** One more client (with the same redirect URIs) until the next `clear`; returns its id and secret. */
	registerClient(): { clientId: string; clientSecret: string } {
		const client = {
			clientId: crypto.randomBytes(32).toString('hex'),
			clientSecret: crypto.randomBytes(32).toString('hex'),
		};
		this.clients.set(client.clientId, client.clientSecret);
		return client;
	}

	registerRedirectUri(uri: string): void {
		if (!isRegistrableRedirectUri(uri)) {
			throw new Error(`RODEM registers https redirect URIs only (http for loopback hosts): ${uri}`);
		}
		this.redirectUris.add(uri);
	}

	clear(): void {
		this.clients.clear();
		this.clients.set(this.config.clientId, this.config.clientSecret);
		this.codes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.counts = { authorizationCodes: 0, accessTokens: 0, refreshTokens: 0, refreshes: 0 };
	}

	// ---- test helpers -----------------------------------------------------------------------

	expireAllAccessTokens(): void {
		const now = this.now();
		for (const entry of this.accessTokens.values())
			entry.expiresAt = Math.min(entry.expiresAt, now);
	}

	refreshTokenState(token: string): RefreshTokenState {
		const entry = this.refreshTokens.get(token);
		if (!entry) return 'unknown';
		return entry.revoked ? 'revoked' : 'active';
	}

	accessTokenState(token: string): AccessTokenState {
		const entry = this.accessTokens.get(token);
		if (!entry) return 'unknown';
		if (entry.revoked) return 'revoked';
		return this.now() < entry.expiresAt ? 'active' : 'expired';
	}

	/** Issues a code as if `userId` had approved at the consent screen. */
	issueCode(
		redirectUri: string,
		userId = this.loginUserId,
		clientId = this.config.clientId,
	): string {
		const code = randomToken();
		this.codes.set(code, {
			clientId,
			redirectUri,
			userId,
			expiresAt: this.now() + this.config.authorizationCodeLifetimeSeconds * 1000,
			used: false,
		});
		this.counts.authorizationCodes += 1;
		return code;
	}

	/** Issues an access/refresh token pair for `userId` without the browser step. */
	issueTokens(userId = this.loginUserId, clientId = this.config.clientId): TokenResponse {
		const accessToken = randomToken();
		const refreshToken = randomToken();
		const issuedAt = this.now();
		this.accessTokens.set(accessToken, {
			userId,
			clientId,
			expiresAt: issuedAt + this.config.accessTokenLifetimeSeconds * 1000,
			revoked: false,
		});
		this.refreshTokens.set(refreshToken, { userId, clientId, accessToken, revoked: false });
		this.counts.accessTokens += 1;
		this.counts.refreshTokens += 1;
		const seedFields = {
			access_token: accessToken,
			expires_in: this.config.accessTokenLifetimeSeconds,
			refresh_token: refreshToken,
		};
		if (this.config.minimalTokenResponse) return seedFields;
		// [proposed] Extra fields in Doorkeeper's order; the vendor lists only the three above.
		return {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: this.config.accessTokenLifetimeSeconds,
			refresh_token: refreshToken,
			scope: SCOPE,
			created_at: Math.floor(issuedAt / 1000),
		};
	}

	/** The user a live access token belongs to, or why it is refused. */
	checkAccessToken(token: string): { ok: true; userId: number } | { ok: false; reason: string } {
		const entry = this.accessTokens.get(token);
		if (!entry) return { ok: false, reason: 'The access token is invalid' };
		if (entry.revoked) return { ok: false, reason: 'The access token was revoked' };
		if (this.now() >= entry.expiresAt) return { ok: false, reason: 'The access token expired' };
		return { ok: true, userId: entry.userId };
	}

	// ---- GET/POST /oauth/authorize ------------------------------------------------------------

	/**
	 * The consent screen. Errors about the client or the redirect URI are shown, not redirected
	 * (RFC 6749 §4.1.2.1): 400 JSON [proposed]. Other errors redirect with `error=` [proposed].
	 */
	authorize(params: Record<string, unknown>, method: 'GET' | 'POST'): SimResponse {
		const clientId = single(params.client_id, 'client_id');
		const redirectUri = single(params.redirect_uri, 'redirect_uri');
		const responseType = single(params.response_type, 'response_type');
		const scope = single(params.scope, 'scope');
		const state = single(params.state, 'state');

		if (!clientId) return invalidRequest('client_id is required');
		if (!this.clients.has(clientId)) return oauthError(400, 'invalid_client', 'unknown client_id');
		if (!redirectUri) return invalidRequest('redirect_uri is required');
		if (!this.redirectUris.has(redirectUri)) {
			return invalidRequest(
				'redirect_uri does not match a redirect URI registered for this client',
			);
		}

		const back = (query: Record<string, string>): SimResponse => {
			const target = new URL(redirectUri);
			for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
			if (state !== undefined) target.searchParams.set('state', state);
			return { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } };
		};
		const fail = (error: string, description: string) =>
			back({ error, error_description: description });

		if (!responseType) return fail('invalid_request', 'response_type is required');
		if (responseType !== 'code')
			return fail('unsupported_response_type', 'only response_type=code is supported');
		const scopes = (scope ?? '').split(' ').filter(Boolean);
		if (scopes.length === 0 || scopes.some((s) => s !== SCOPE)) {
			return fail('invalid_scope', `only the scope ${SCOPE} is supported`);
		}

		let decision: 'allow' | 'deny' | 'ask';
		if (method === 'POST') decision = params.decision === 'allow' ? 'allow' : 'deny';
		else decision = this.consent === 'auto' ? 'allow' : this.consent === 'deny' ? 'deny' : 'ask';

		if (decision === 'deny') return fail('access_denied', 'the user denied access');
		if (decision === 'allow')
			return back({ code: this.issueCode(redirectUri, this.loginUserId, clientId) });
		return {
			status: 200,
			headers: { 'content-type': 'text/html; charset=utf-8' },
			raw: this.consentPage(params),
		};
	}

	private consentPage(params: Record<string, unknown>): string {
		const hidden = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state']
			.filter((k) => typeof params[k] === 'string')
			.map((k) => `<input type="hidden" name="${k}" value="${htmlEscape(String(params[k]))}">`)
			.join('');
		return [
			'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>RODEM アクセス権許可</title></head><body>',
			'<h1>アクセス権の許可</h1><p>連携アプリケーションが精算データ(expense_read)へのアクセスを求めています。</p>',
			`<form method="post" action="${this.config.basePath}/oauth/authorize">${hidden}`,
			'<button name="decision" value="allow">許可</button> <button name="decision" value="deny">拒否</button>',
			'</form></body></html>',
		].join('');
	}

	// ---- POST /oauth/token ------------------------------------------------------------------

	token(req: SimRequest): SimResponse {
		const body =
			req.body && typeof req.body === 'object' && !Array.isArray(req.body)
				? (req.body as Record<string, unknown>)
				: {};
		const clientId = this.authenticateClient(req, body);
		const grantType = single(body.grant_type, 'grant_type');
		if (!grantType) return invalidRequest('grant_type is required');
		let userId: number;
		if (grantType === 'authorization_code') userId = this.redeemCode(body, clientId);
		else if (grantType === 'refresh_token') userId = this.rotateRefreshToken(body, clientId);
		else
			return oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
		return {
			status: 200,
			headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
			body: this.issueTokens(userId, clientId),
		};
	}

	/**
	 * The vendor sends client_id and client_secret as parameters; HTTP Basic (RFC 6749 §2.3.1) is
	 * accepted too [proposed], as @n8n/client-oauth2 uses it for the code exchange. Both at once is
	 * a 400 invalid_request (RFC 6749 §2.3: one method per request) [proposed].
	 */
	private authenticateClient(req: SimRequest, body: Record<string, unknown>): string {
		const header = String(req.headers.authorization ?? '');
		const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
		let id: string | undefined;
		let secret: string | undefined;
		if (basic !== undefined) {
			if (body.client_secret !== undefined) {
				return invalidRequest(
					'client credentials were sent both in the Authorization header and in the body',
				);
			}
			const decoded = Buffer.from(basic, 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			if (colon < 0) return invalidClient('malformed Basic credentials', true);
			const decode = (s: string) => {
				try {
					return decodeURIComponent(s.replace(/\+/g, ' '));
				} catch {
					return s;
				}
			};
			id = decode(decoded.slice(0, colon));
			secret = decode(decoded.slice(colon + 1));
			const bodyId = single(body.client_id, 'client_id');
			if (bodyId !== undefined && bodyId !== id)
				return invalidClient('client_id does not match the Authorization header', true);
		} else {
			id = single(body.client_id, 'client_id');
			secret = single(body.client_secret, 'client_secret');
		}
		if (!id || secret === undefined)
			return invalidClient('client authentication is required', false);
		if (this.clients.get(id) !== secret) {
			return invalidClient('client authentication failed', basic !== undefined);
		}
		return id;
	}

	private redeemCode(body: Record<string, unknown>, clientId: string): number {
		const code = single(body.code, 'code');
		const redirectUri = single(body.redirect_uri, 'redirect_uri');
		if (!code) return invalidRequest('code is required');
		if (!redirectUri) return invalidRequest('redirect_uri is required');
		const entry = this.codes.get(code);
		if (!entry || entry.clientId !== clientId)
			return invalidGrant('the authorization code is invalid');
		if (entry.used) return invalidGrant('the authorization code has already been used');
		if (this.now() >= entry.expiresAt) return invalidGrant('the authorization code has expired');
		if (entry.redirectUri !== redirectUri) {
			return invalidGrant('redirect_uri does not match the one used in the authorization request');
		}
		entry.used = true;
		return entry.userId;
	}

	private rotateRefreshToken(body: Record<string, unknown>, clientId: string): number {
		const token = single(body.refresh_token, 'refresh_token');
		if (!token) return invalidRequest('refresh_token is required');
		const entry = this.refreshTokens.get(token);
		if (!entry || entry.clientId !== clientId) return invalidGrant('the refresh token is invalid');
		if (entry.revoked) return invalidGrant('the refresh token has been revoked');
		entry.revoked = true;
		if (this.config.revokeAccessTokenOnRefresh) {
			const access = this.accessTokens.get(entry.accessToken);
			if (access) access.revoked = true;
		}
		this.counts.refreshes += 1;
		return entry.userId;
	}
}

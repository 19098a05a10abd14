import { crypto } from '../platform/node';
import { GatewayTokenBucket } from './token-bucket';
import { SimHttpError, Simulator, type SimRequest } from './simulator';

export interface ReferenceOptions {
	apiKey?: string;
	clientId?: string;
	clientSecret?: string;
	/** Session/access token lifetime in seconds. */
	tokenLifetimeSeconds?: number;
	items?: number;
	rateLimit?: { ratePerSecond: number; burst: number; retryAfterSeconds?: number };
	redirectUri?: string;
}

interface Token {
	expiresAt: number;
}

/**
 * A small vendor-neutral API on the kit, for proving the shared request layer and the harness:
 * API-key auth, a client-credentials session token, an authorization-code OAuth2 server with
 * rotating refresh tokens, one list served in each of the four pagination styles the vendors
 * use, and a non-idempotent write whose effect tests can count.
 */
export class ReferenceSimulator extends Simulator {
	readonly options: Required<Omit<ReferenceOptions, 'rateLimit'>> &
		Pick<ReferenceOptions, 'rateLimit'>;
	readonly sessionTokens = new Map<string, Token>();
	readonly accessTokens = new Map<string, Token>();
	/** Refresh token → still valid. A used one is kept as false so tests can see it is dead. */
	readonly refreshTokens = new Map<string, boolean>();
	readonly authCodes = new Set<string>();
	/** Keys accepted besides `options.apiKey`; they stay valid across resets. */
	private readonly extraKeys = new Set<string>();
	readonly created: Array<Record<string, unknown>> = [];
	items: Array<{ id: number; name: string }> = [];

	constructor(options: ReferenceOptions = {}) {
		super('reference');
		this.options = {
			apiKey: `key-${crypto.randomBytes(12).toString('hex')}`,
			clientId: 'ref-client',
			clientSecret: `secret-${crypto.randomBytes(12).toString('hex')}`,
			tokenLifetimeSeconds: 3600,
			items: 250,
			redirectUri: 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
			...options,
		};
		this.seed();
		this.onReset = () => this.seed();
		if (options.rateLimit) {
			const { ratePerSecond, burst, retryAfterSeconds } = options.rateLimit;
			const bucket = new GatewayTokenBucket(ratePerSecond, burst, this.now);
			this.limiter = {
				check: (req) => {
					if (req.path.startsWith('/oauth') || req.path === '/token') return undefined;
					const verdict = bucket.take();
					if (verdict.ok) return undefined;
					return {
						status: 429,
						headers:
							retryAfterSeconds === undefined
								? undefined
								: { 'retry-after': String(retryAfterSeconds) },
						body: { error: 'rate_limited', message: 'Too Many Requests' },
					};
				},
			};
		}
		this.defineRoutes();
	}

	private seed(): void {
		this.items = Array.from({ length: this.options.items }, (_, i) => ({
			id: i + 1,
			name: `item ${i + 1}`,
		}));
		this.created.length = 0;
	}

	private issue(map: Map<string, Token>): string {
		const token = crypto.randomBytes(16).toString('hex');
		map.set(token, { expiresAt: this.now() + this.options.tokenLifetimeSeconds * 1000 });
		return token;
	}

	/** A further valid API key, e.g. one per test so that each test has a budget of its own. */
	issueApiKey(key = `key-${crypto.randomBytes(12).toString('hex')}`): string {
		this.extraKeys.add(key);
		return key;
	}

	/** Makes every token issued so far expire now, as if their lifetime had passed. */
	expireAllTokens(): void {
		for (const token of [...this.sessionTokens.values(), ...this.accessTokens.values()])
			token.expiresAt = 0;
	}

	/** What the authorize endpoint would hand the browser: a one-time code for the redirect URI. */
	authorize(redirectUri: string): string {
		if (redirectUri !== this.options.redirectUri) {
			throw new SimHttpError(400, {
				error: 'invalid_request',
				error_description: 'redirect_uri mismatch',
			});
		}
		const code = crypto.randomBytes(8).toString('hex');
		this.authCodes.add(code);
		return code;
	}

	private authenticate(req: SimRequest): void {
		const key = req.headers['x-api-key'];
		if (key === this.options.apiKey || (typeof key === 'string' && this.extraKeys.has(key))) return;
		const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
		const token = bearer && (this.sessionTokens.get(bearer) ?? this.accessTokens.get(bearer));
		if (token && token.expiresAt > this.now()) return;
		throw new SimHttpError(401, {
			error: 'unauthorized',
			message: 'invalid or expired credentials',
		});
	}

	private page(req: SimRequest, offset: number, size: number) {
		this.authenticate(req);
		return this.items.slice(offset, offset + size);
	}

	private defineRoutes(): void {
		this.route('POST', '/token', (req) => {
			const body = req.body as Record<string, string>;
			if (
				body?.client_id !== this.options.clientId ||
				body?.client_secret !== this.options.clientSecret
			) {
				throw new SimHttpError(401, { error: 'invalid_client', error_description: 'bad client' });
			}
			return {
				body: {
					access_token: this.issue(this.sessionTokens),
					expires_in: this.options.tokenLifetimeSeconds,
				},
			};
		});

		this.route('GET', '/oauth/authorize', (req) => {
			const code = this.authorize(req.query.get('redirect_uri') ?? '');
			const target = new URL(this.options.redirectUri);
			target.searchParams.set('code', code);
			target.searchParams.set('state', req.query.get('state') ?? '');
			return { status: 302, headers: { location: target.toString() } };
		});

		this.route('POST', '/oauth/token', (req) => {
			const body = req.body as Record<string, string>;
			const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
			const [id, secret] = basic
				? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
				: [body.client_id, body.client_secret];
			if (id !== this.options.clientId || secret !== this.options.clientSecret) {
				throw new SimHttpError(401, { error: 'invalid_client' });
			}
			if (body.grant_type === 'authorization_code') {
				if (!this.authCodes.delete(body.code))
					throw new SimHttpError(400, { error: 'invalid_grant' });
			} else if (body.grant_type === 'refresh_token') {
				if (this.refreshTokens.get(body.refresh_token) !== true) {
					throw new SimHttpError(400, {
						error: 'invalid_grant',
						error_description: 'refresh token revoked',
					});
				}
				this.refreshTokens.set(body.refresh_token, false);
			} else {
				throw new SimHttpError(400, { error: 'unsupported_grant_type' });
			}
			const refresh = crypto.randomBytes(16).toString('hex');
			this.refreshTokens.set(refresh, true);
			return {
				body: {
					access_token: this.issue(this.accessTokens),
					token_type: 'Bearer',
					expires_in: this.options.tokenLifetimeSeconds,
					refresh_token: refresh,
					scope: 'read',
				},
			};
		});

		this.route('GET', '/items', (req) => ({ body: { items: this.page(req, 0, 10) } }));

		this.route('POST', '/items', (req) => {
			this.authenticate(req);
			const record = { id: this.items.length + this.created.length + 1, ...(req.body as object) };
			this.created.push(record);
			return { status: 201, body: record };
		});

		// Deletes a created record; an unknown id is 404, as most APIs answer.
		this.route('DELETE', '/items/:id', (req) => {
			this.authenticate(req);
			const index = this.created.findIndex((r) => String(r.id) === req.params.id);
			if (index < 0) throw new SimHttpError(404, { error: 'not found' });
			this.created.splice(index, 1);
			return { status: 204 };
		});

		// The four pagination styles, over the same items.
		this.route('GET', '/styles/page-total', (req) => {
			const page = Number(req.query.get('page') ?? 1);
			return {
				body: { totalCount: this.items.length, page, items: this.page(req, (page - 1) * 100, 100) },
			};
		});
		this.route('GET', '/styles/last-page', (req) => {
			const page = Number(req.query.get('page') ?? 1);
			const perPage = Number(req.query.get('per_page') ?? 50);
			return {
				body: {
					items: this.page(req, (page - 1) * perPage, perPage),
					total: this.items.length,
					per_page: perPage,
					current_page: page,
					last_page: Math.max(1, Math.ceil(this.items.length / perPage)),
				},
			};
		});
		this.route('GET', '/styles/offset', (req) => {
			const offset = Number(req.query.get('offset') ?? 0);
			const limit = Number(req.query.get('limit') ?? 200);
			return { body: { items: this.page(req, offset, limit), total_count: this.items.length } };
		});
		this.route('GET', '/styles/cursor', (req) => {
			const after = Number(req.query.get('next_item_id') ?? 0);
			const start = this.items.findIndex((item) => item.id > after);
			const items = start < 0 ? [] : this.page(req, start, 200);
			const last = items[items.length - 1];
			const more = last !== undefined && last.id < this.items[this.items.length - 1].id;
			return { body: { items, ...(more ? { next_item_id: String(last.id) } : {}) } };
		});
	}
}

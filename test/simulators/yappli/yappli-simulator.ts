import { crypto, env } from '../../platform/node';
import { Simulator, type Handler } from '../../kit/simulator';
import { ColumnMap, DEFAULT_COLUMN_KEYS } from './columns';
import { notFound, unauthorized } from './errors';
import type { MemberInputRules } from './member-input';
import { YappliRateLimiter, type RateLimitOptions } from './rate-limit';
import { bearerToken, isObject, requireUserAgent } from './request';
import type { RouteContext } from './routes/context';
import { checkRoutes } from './routes/check';
import { memberRoutes } from './routes/members';
import { pointRoutes } from './routes/points';
import { tokenRoutes } from './routes/token';
import { seedStore, type SeedOptions } from './seed';
import { Serializer, type MemberJson } from './serialize';
import { YappliStore } from './store';
import { truncateToSecond } from './time';
import { TokenRegistry } from './tokens';
import {
	DEFAULT_SHAPES,
	DEFAULT_TENANT,
	type MemberRec,
	type ShapeOptions,
	type TenantSettings,
} from './types';

export interface YappliSimulatorOptions {
	/** Generated with crypto when omitted. */
	clientId?: string;
	/** Generated with crypto when omitted. */
	clientSecret?: string;
	/** Access-token lifetime; vendor doc: 86,400 s (1 day). */
	tokenLifetimeSeconds?: number;
	/** Refuse requests without a User-Agent header (vendor doc asks for one) with 400 [proposed]. Default true. */
	requireUserAgent?: boolean;
	/** Demo data; used on construction and by every reset. */
	seed?: SeedOptions;
	/** Readings of the ambiguous response shapes (spec §10, §11.9). */
	shapes?: Partial<ShapeOptions>;
	/** Admin-screen settings: rank feature, rank rates, default point expiry [proposed]. */
	tenant?: Partial<TenantSettings>;
	/** `columnNN` → admin key name. Default: the demo tenant's twelve keys (see columns.ts). */
	columnKeys?: Record<string, string>;
	/** [proposed] 'reject' (default) answers 400 to a unique_id another member holds. */
	duplicateUniqueId?: 'reject' | 'allow';
	/** Not published; off by default. */
	rateLimit?: RateLimitOptions;
	/** Path of `{APP_URL}` on the simulator, e.g. `/tenant-a`. Default '' (APP_URL = server root). */
	basePath?: string;
	/** How long an issued transfer token can be checked [proposed]. Default 600 s. */
	transferTokenLifetimeSeconds?: number;
	/**
	 * Test speed switch, not vendor behaviour: list pages hold at most this many items whatever
	 * `per_page` asks (the envelope says so), so a small tenant still spans several pages.
	 */
	pageCap?: number;
}

/**
 * The list-item reading a test run asks for: `YAPPLI_SIM_LIST_ITEMS=wrapped` (set by the jest
 * project that runs the Yappli node suite a second time) makes wrapped items every simulator's
 * default. A test that sets `shapes.listItems` itself keeps its choice.
 */
function listItemsDefault(): Partial<ShapeOptions> {
	const reading = env.YAPPLI_SIM_LIST_ITEMS;
	if (reading === undefined || reading === '') return {};
	if (reading !== 'plain' && reading !== 'wrapped')
		throw new Error(`YAPPLI_SIM_LIST_ITEMS must be plain or wrapped, not ${reading}`);
	return { listItems: reading };
}

/** What `touchMember` may change, as an operator could in the Yappli CRM admin screen. */
export type MemberChanges = Partial<
	Omit<MemberRec, 'id' | 'createdAt' | 'updatedAt' | 'columns'>
> & {
	/** Custom fields by `columnNN` or admin key name. */
	columns?: Record<string, string | null>;
};

/**
 * A local Yappli CRM Open API (vendor tutorial `seeds/003_02bb70f8e0176bd0.txt`, organised in
 * `specs/yappli-crm.md`), built on the simulator kit. Serve it with `serveDuringTests(sim)` and
 * put `sim.appUrl` in the credential's App URL, `sim.clientId` / `sim.clientSecret` beside it.
 */
export class YappliSimulator extends Simulator {
	readonly store = new YappliStore();
	readonly clientId: string;
	readonly clientSecret: string;
	readonly basePath: string;
	readonly columns: ColumnMap;
	/** Live switches; tests may change them. A reset restores the constructor's values. */
	readonly shapes: ShapeOptions;
	/** Live tenant settings; tests may change them. A reset restores the constructor's values. */
	readonly tenant: TenantSettings;
	readonly requireUserAgent: boolean;
	private readonly tokens: TokenRegistry;
	/** API client id → secret: the options' client and any registered since the last reset. */
	private readonly clients = new Map<string, string>();
	private readonly serializer: Serializer;
	private readonly rateLimiter?: YappliRateLimiter;
	private readonly initialShapes: ShapeOptions;
	private readonly initialTenant: TenantSettings;
	private readonly transferLifetimeMs: number;
	private seedOptions: SeedOptions;

	constructor(readonly options: YappliSimulatorOptions = {}) {
		super('yappli');
		this.clientId = options.clientId ?? `yc-${crypto.randomBytes(8).toString('hex')}`;
		this.clientSecret = options.clientSecret ?? crypto.randomBytes(24).toString('base64url');
		this.basePath = (options.basePath ?? '').replace(/\/$/, '');
		this.requireUserAgent = options.requireUserAgent ?? true;
		this.columns = new ColumnMap(options.columnKeys ?? DEFAULT_COLUMN_KEYS);
		this.initialShapes = { ...DEFAULT_SHAPES, ...listItemsDefault(), ...options.shapes };
		this.initialTenant = { ...DEFAULT_TENANT, ...options.tenant };
		this.shapes = { ...this.initialShapes };
		this.tenant = { ...this.initialTenant, rankRates: { ...this.initialTenant.rankRates } };
		this.transferLifetimeMs = (options.transferTokenLifetimeSeconds ?? 600) * 1000;
		this.tokens = new TokenRegistry(this.now, options.tokenLifetimeSeconds ?? 86_400);
		this.serializer = new Serializer(this.store, this.columns, this.shapes, this.now);
		if (options.rateLimit) {
			this.rateLimiter = new YappliRateLimiter(
				options.rateLimit,
				`${this.basePath}/api/ext/`,
				this.now,
			);
			this.limiter = this.rateLimiter;
		}
		this.seedOptions = options.seed ?? {};
		this.seed(this.seedOptions);
		this.clients.set(this.clientId, this.clientSecret);
		this.onReset = () => {
			this.clients.clear();
			this.clients.set(this.clientId, this.clientSecret);
			this.tokens.clear();
			this.rateLimiter?.reset();
			Object.assign(this.shapes, this.initialShapes);
			Object.assign(this.tenant, this.initialTenant, {
				rankRates: { ...this.initialTenant.rankRates },
			});
			this.seed(this.seedOptions);
		};
		this.defineRoutes();
	}

	/** What to put in the credential's App URL. */
	get appUrl(): string {
		return `${this.url}${this.basePath}`;
	}

	/**
	 * A further API client of this tenant until the next reset, e.g. one per test case so that
	 * each has its own client budget in the nodes [proposed: Yappli issues clients on request].
	 */
	registerClient(): { clientId: string; clientSecret: string } {
		const client = {
			clientId: `yc-${crypto.randomBytes(8).toString('hex')}`,
			clientSecret: crypto.randomBytes(24).toString('base64url'),
		};
		this.clients.set(client.clientId, client.clientSecret);
		return client;
	}

	/** Access tokens issued since the last reset. */
	get tokensIssued(): number {
		return this.tokens.issued;
	}

	/** Makes every access token issued so far expire now (the next API call with one gets 401). */
	expireAllTokens(): void {
		this.tokens.expireAll();
	}

	/** Replaces all data with a freshly generated tenant; later resets reuse these options. */
	seed(options: SeedOptions = {}): void {
		this.seedOptions = options;
		seedStore(this.store, options, this.now());
	}

	/**
	 * A login-transfer token for a member, as the Yappli app would pass to another service on a
	 * screen transition. Also reachable out of process: `POST {APP_URL}/__yappli/transfer_tokens`
	 * with `{"id": "<member id>"}` answers `{"token": "…"}` (test-only route, no auth).
	 */
	issueTransferToken(memberId: string): string {
		if (!this.store.members.has(memberId)) throw new Error(`no member ${memberId}`);
		const token = crypto.randomBytes(24).toString('hex');
		this.store.transferTokens.set(token, {
			token,
			memberId,
			expiresAt: truncateToSecond(this.now()) + this.transferLifetimeMs,
			used: false,
		});
		return token;
	}

	/**
	 * Edits a member as an operator would in the Yappli CRM admin screen: applies `changes`
	 * (custom fields by `columnNN` or key name) and sets `updated_at` to the simulator clock.
	 */
	touchMember(id: string, changes: MemberChanges = {}): MemberRec {
		const member = this.store.members.get(id);
		if (!member) throw new Error(`no member ${id}`);
		const { columns, ...fields } = changes;
		Object.assign(member, fields);
		for (const [name, value] of Object.entries(columns ?? {})) {
			const column = this.columns.resolve(name);
			if (!column) throw new Error(`no custom field ${name}`);
			member.columns[column] = value;
		}
		member.updatedAt = truncateToSecond(this.now());
		return member;
	}

	/** A member as the detail endpoints would answer it (the object, whatever the shape switch). */
	memberJson(id: string, withColumnKey = false): MemberJson | undefined {
		const member = this.store.members.get(id);
		return member && this.serializer.member(member, { detail: true, withColumnKey });
	}

	private defineRoutes(): void {
		const memberRules: MemberInputRules = {
			store: this.store,
			columns: this.columns,
			tenant: this.tenant,
			duplicateUniqueId: this.options.duplicateUniqueId ?? 'reject',
		};
		const ctx: RouteContext = {
			store: this.store,
			serialize: this.serializer,
			columns: this.columns,
			tokens: this.tokens,
			tenant: this.tenant,
			shapes: this.shapes,
			memberRules,
			isClient: (id, secret) =>
				typeof id === 'string' && this.clients.has(id) && this.clients.get(id) === secret,
			pageCap: this.options.pageCap,
			now: () => truncateToSecond(this.now()),
			member: (id) => this.store.members.get(id) ?? notFound(`no member with id ${id}`),
			route: (method, path, handler: Handler, options = {}) => {
				this.route(method, `${this.basePath}${path}`, (req) => {
					if (this.requireUserAgent) requireUserAgent(req);
					if (options.auth !== false) {
						const token = bearerToken(req);
						if (token === undefined)
							unauthorized('Authorization: Bearer {ACCESS_TOKEN} is required');
						const verdict = this.tokens.check(token);
						if (verdict === 'expired') unauthorized('access token expired');
						if (verdict === 'unknown') unauthorized('unknown access token');
					}
					return handler(req);
				});
			},
		};
		tokenRoutes(ctx);
		memberRoutes(ctx);
		pointRoutes(ctx);
		checkRoutes(ctx);

		// Test-only: issue a transfer token over HTTP (for the demo and e2e runs).
		this.route('POST', `${this.basePath}/__yappli/transfer_tokens`, (req) => {
			const id = isObject(req.body) ? req.body.id : undefined;
			if (typeof id !== 'string' || !this.store.members.has(id))
				return { status: 404, body: { error: 'Not Found', error_description: 'no such member' } };
			return { body: { token: this.issueTransferToken(id) } };
		});
	}
}

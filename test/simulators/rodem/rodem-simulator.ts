import { crypto } from '../../platform/node';
import { SimHttpError, Simulator, type SimRequest } from '../../kit/simulator';
import { GatewayTokenBucket } from '../../kit/token-bucket';
import { invalidToken } from './errors';
import {
	acceptsJson,
	bearerToken,
	compareExpenses,
	expensePage,
	parseExpenseQuery,
	serializeExpense,
	type ExpenseJson,
} from './expenses';
import {
	OAuthServer,
	SCOPE,
	type AccessTokenState,
	type IssuedCounts,
	type RefreshTokenState,
	type TokenResponse,
} from './oauth';
import { courseOf, generateSeed, serializeDataFor, type SeedOptions } from './seed';
import { ROUTES } from './seed-data';
import { isIsoDate, japanInstant } from './time';
import type {
	ConsentMode,
	DetailsKey,
	EmployeeRec,
	ExpenseChanges,
	ExpenseRec,
	TimestampFormat,
} from './types';

/** Query parameters; a repeated one becomes an array (which the OAuth server rejects). */
function queryParams(query: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of query) {
		const existing = out[key];
		out[key] =
			existing === undefined
				? value
				: [...(Array.isArray(existing) ? existing : [existing]), value];
	}
	return out;
}

export interface RodemSimulatorOptions {
	/** Generated with crypto when omitted. */
	clientId?: string;
	/** Generated with crypto when omitted. */
	clientSecret?: string;
	/**
	 * Redirect URIs registered for the client (vendor doc: registered by hand, https only).
	 * [proposed] http is accepted for loopback hosts so n8n's local callback works in tests.
	 */
	redirectUris?: string[];
	/** Vendor doc example: 3600. */
	accessTokenLifetimeSeconds?: number;
	/** [proposed] Default 600. */
	authorizationCodeLifetimeSeconds?: number;
	/** Prefix of every route; the vendor gives bare paths (`/oauth/token`, `/api/v1/expenses`). Default ''. */
	basePath?: string;
	/** Demo data; used on construction and by every reset. */
	seed?: SeedOptions;
	/** Array key of the expense list; default `expens_details` as in the vendor's JSON example. */
	detailsKey?: DetailsKey;
	/** Default `iso` (`2016-12-14T13:10:22.470+09:00`, the JSON example); `table` = `2016-09-30 13:56:00`. */
	timestampFormat?: TimestampFormat;
	/** [proposed] Default `auto`: approve at once (no login, no page). */
	consent?: ConsentMode;
	/** The RODEM user logged in when consent is given; default the first seeded user (27). */
	loginUserId?: number;
	/** [proposed] Token responses with only the vendor's three fields. Default false. */
	minimalTokenResponse?: boolean;
	/** [proposed] A refresh also revokes the previous access token. Default false. */
	revokeAccessTokenOnRefresh?: boolean;
	/** [proposed] None published; off unless given. Applies to `/api/` only; refusals are 429. */
	rateLimit?: { ratePerSecond: number; burst: number; retryAfterSeconds?: number };
}

/** What `addExpense` takes; everything but `useDate` has a default. */
export interface NewExpense extends ExpenseChanges {
	useDate: string;
	/** Index into the demo routes (default 0: 「JR山手線 渋谷→新宿」). */
	routeIndex?: number;
	/** Company visited; default the route's first. */
	company?: string;
}

/**
 * A local RODEM 精算連携API (vendor document `seeds/004_a944efc825d2f0b8.txt`, organised in
 * `specs/rodem.md`) with its OAuth 2.0 server, on the simulator kit. Serve it with
 * `serveDuringTests(sim)`; point the credential at `sim.authUrl` / `sim.accessTokenUrl` and the
 * node's base URL at `sim.baseUrl`.
 */
export class RodemSimulator extends Simulator {
	readonly clientId: string;
	readonly clientSecret: string;
	readonly basePath: string;
	readonly oauth: OAuthServer;
	employees: EmployeeRec[] = [];
	expenses = new Map<number, ExpenseRec>();
	/** Array key of the expense list; restored from the options by every reset. */
	detailsKey: DetailsKey;
	timestampFormat: TimestampFormat;
	private nextExpenseId = 1;
	private readonly initialRedirectUris: string[];

	constructor(readonly options: RodemSimulatorOptions = {}) {
		super('rodem');
		this.clientId = options.clientId ?? crypto.randomBytes(32).toString('hex');
		this.clientSecret = options.clientSecret ?? crypto.randomBytes(32).toString('hex');
		this.basePath = (options.basePath ?? '').replace(/\/$/, '');
		this.initialRedirectUris = options.redirectUris ?? [
			'http://127.0.0.1:5678/rest/oauth2-credential/callback',
		];
		this.oauth = new OAuthServer(
			{
				clientId: this.clientId,
				clientSecret: this.clientSecret,
				accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
				authorizationCodeLifetimeSeconds: options.authorizationCodeLifetimeSeconds ?? 600,
				minimalTokenResponse: options.minimalTokenResponse ?? false,
				revokeAccessTokenOnRefresh: options.revokeAccessTokenOnRefresh ?? false,
				basePath: this.basePath,
			},
			this.initialRedirectUris,
			this.now,
		);
		this.detailsKey = options.detailsKey ?? 'expens_details';
		this.timestampFormat = options.timestampFormat ?? 'iso';
		this.restore();
		this.onReset = () => this.restore();
		if (options.rateLimit) this.installRateLimit(options.rateLimit);
		this.defineRoutes();
	}

	// ---- addresses --------------------------------------------------------------------------

	/** Server address plus the path prefix: what the node's base URL should be. */
	get baseUrl(): string {
		return `${this.url}${this.basePath}`;
	}

	get authUrl(): string {
		return `${this.baseUrl}/oauth/authorize`;
	}

	get accessTokenUrl(): string {
		return `${this.baseUrl}/oauth/token`;
	}

	/** Fields of an n8n OAuth2 credential for this simulator (for `connectOAuth2`). */
	oauthCredential(authentication: 'body' | 'header' = 'body') {
		return {
			clientId: this.clientId,
			clientSecret: this.clientSecret,
			authUrl: this.authUrl,
			accessTokenUrl: this.accessTokenUrl,
			scope: SCOPE,
			authentication,
		};
	}

	// ---- OAuth test helpers -----------------------------------------------------------------

	/** The user whose browser approves at the consent screen (owner of new tokens). */
	get loginUserId(): number {
		return this.oauth.loginUserId;
	}

	set loginUserId(id: number) {
		if (!this.employees.some((e) => e.id === id)) throw new Error(`no RODEM user ${id}`);
		this.oauth.loginUserId = id;
	}

	get consent(): ConsentMode {
		return this.oauth.consent;
	}

	set consent(mode: ConsentMode) {
		this.oauth.consent = mode;
	}

	/** Registers one more redirect URI until the next reset. */
	registerRedirectUri(uri: string): void {
		this.oauth.registerRedirectUri(uri);
	}

	/**
	 * A further OAuth client until the next reset, e.g. one per test case so that each has its own
	 * client budget in the nodes; it shares the registered redirect URIs.
	 */
	registerClient(): { clientId: string; clientSecret: string } {
		return this.oauth.registerClient();
	}

	/**
	 * [proposed] Token answers with only the three fields the vendor lists (no token_type, scope,
	 * created_at). A live switch; a reset restores the option's value.
	 */
	get minimalTokenResponse(): boolean {
		return this.oauth.config.minimalTokenResponse;
	}

	set minimalTokenResponse(minimal: boolean) {
		this.oauth.config.minimalTokenResponse = minimal;
	}

	/** Makes every access token issued so far expire now, as if 3,600 s had passed. */
	expireAllAccessTokens(): void {
		this.oauth.expireAllAccessTokens();
	}

	refreshTokenState(token: string): RefreshTokenState {
		return this.oauth.refreshTokenState(token);
	}

	accessTokenState(token: string): AccessTokenState {
		return this.oauth.accessTokenState(token);
	}

	/** Codes, access tokens and refresh tokens issued, and refreshes granted, since the last reset. */
	get issued(): IssuedCounts {
		return { ...this.oauth.counts };
	}

	/** A token pair for `userId` without the browser and the token endpoint (counted as issued). */
	issueTokens(userId = this.loginUserId): TokenResponse {
		return this.oauth.issueTokens(userId);
	}

	// ---- data helpers -----------------------------------------------------------------------

	employee(id: number): EmployeeRec | undefined {
		return this.employees.find((e) => e.id === id);
	}

	/** The user's records in API order (use date, then id). */
	expensesOf(userId: number): ExpenseRec[] {
		return [...this.expenses.values()].filter((e) => e.userId === userId).sort(compareExpenses);
	}

	/** A record as the API prints it now (current format options and teiki course). */
	serialize(id: number): ExpenseJson | undefined {
		const rec = this.expenses.get(id);
		return rec && serializeExpense(rec, this.employee(rec.userId), this.timestampFormat);
	}

	/**
	 * Edits a record as a user or approver would after month-end closing: applies `changes` and sets
	 * `updated_at` to the simulator clock.
	 */
	editExpense(id: number, changes: ExpenseChanges = {}): ExpenseRec {
		const rec = this.expenses.get(id);
		if (!rec) throw new Error(`no expense ${id}`);
		if (changes.useDate !== undefined && !isIsoDate(changes.useDate))
			throw new Error('useDate must be YYYY-MM-DD');
		const { flags, ...rest } = changes;
		Object.assign(rec, rest, { updatedAt: this.now() });
		if (flags) rec.flags = { ...rec.flags, ...flags };
		return rec;
	}

	/** Registers a new record now (id from the sequence, `updated_at` = simulator clock). */
	addExpense(input: NewExpense): ExpenseRec {
		const { useDate, routeIndex = 0, company, flags, ...changes } = input;
		if (!isIsoDate(useDate)) throw new Error('useDate must be YYYY-MM-DD');
		const route = ROUTES[routeIndex];
		if (!route) throw new Error(`no route ${routeIndex}`);
		const start = japanInstant(useDate, 10, 0);
		const rec: ExpenseRec = {
			id: this.nextExpenseId++,
			userId: this.employees[0].id,
			useDate,
			updatedAt: this.now(),
			price: route.icFare ?? route.ticketFare,
			distance: route.distance,
			serializeData: '',
			movementStartTime: start,
			movementEndTime: start + route.minutes * 60_000,
			sojournTime: 60,
			calendarTitle: `[${company ?? route.companies[0]}]打ち合わせ`,
			flags: {
				best_price: true,
				best_time: true,
				best_transfer: true,
				with_teiki: false,
				use_ic_card: route.icFare !== undefined,
				reroute: false,
				...flags,
			},
			...courseOf(route, true, company ?? route.companies[0]),
			...changes,
		};
		rec.serializeData = changes.serializeData ?? serializeDataFor(rec);
		this.expenses.set(rec.id, rec);
		return rec;
	}

	/** Deletes a record (e.g. one withdrawn after closing). */
	deleteExpense(id: number): boolean {
		return this.expenses.delete(id);
	}

	/** Changes a user's commuter pass; `teiki_course` of every record shows it from now on. */
	setTeikiCourse(userId: number, course: string | null): void {
		const employee = this.employee(userId);
		if (!employee) throw new Error(`no RODEM user ${userId}`);
		employee.teikiCourse = course;
	}

	/** Replaces all data; later resets keep using these options. */
	reseed(options: SeedOptions = this.options.seed ?? {}): void {
		this.options.seed = options;
		const data = generateSeed(options);
		this.employees = data.employees;
		this.expenses = new Map(data.expenses.map((e) => [e.id, e]));
		this.nextExpenseId = Math.max(0, ...data.expenses.map((e) => e.id)) + 1;
	}

	// ---- internals --------------------------------------------------------------------------

	private restore(): void {
		this.reseed();
		this.oauth.clear();
		this.oauth.redirectUris.clear();
		for (const uri of this.initialRedirectUris) this.oauth.registerRedirectUri(uri);
		this.oauth.consent = this.options.consent ?? 'auto';
		const login = this.options.loginUserId ?? this.employees[0].id;
		if (!this.employee(login)) throw new Error(`no RODEM user ${login}`);
		this.oauth.loginUserId = login;
		this.detailsKey = this.options.detailsKey ?? 'expens_details';
		this.timestampFormat = this.options.timestampFormat ?? 'iso';
		this.minimalTokenResponse = this.options.minimalTokenResponse ?? false;
	}

	private installRateLimit(limit: NonNullable<RodemSimulatorOptions['rateLimit']>): void {
		const bucket = new GatewayTokenBucket(limit.ratePerSecond, limit.burst, this.now);
		this.limiter = {
			check: (req) => {
				if (!req.path.startsWith(`${this.basePath}/api/`)) return undefined;
				const verdict = bucket.take();
				if (verdict.ok) return undefined;
				return {
					status: 429,
					headers: {
						'retry-after': String(
							limit.retryAfterSeconds ?? Math.ceil(verdict.retryAfterMs / 1000),
						),
					},
					body: { error: 'rate_limit_exceeded', error_description: 'Too Many Requests' },
				};
			},
		};
	}

	private authenticate(req: SimRequest): number {
		const token = bearerToken(req);
		if (token === undefined) return invalidToken('The access token is missing', false);
		const verdict = this.oauth.checkAccessToken(token);
		if (!verdict.ok) return invalidToken(verdict.reason, true);
		return verdict.userId;
	}

	private defineRoutes(): void {
		const p = this.basePath;
		this.route('GET', `${p}/oauth/authorize`, (req) =>
			this.oauth.authorize(queryParams(req.query), 'GET'),
		);
		// [proposed] The consent page's form posts here (consent mode 'page').
		this.route('POST', `${p}/oauth/authorize`, (req) =>
			this.oauth.authorize(
				req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {},
				'POST',
			),
		);
		this.route('POST', `${p}/oauth/token`, (req) => this.oauth.token(req));

		this.route('GET', `${p}/api/v1/expenses`, (req) => {
			const userId = this.authenticate(req);
			if (!acceptsJson(req)) {
				throw new SimHttpError(406, {
					error: 'not_acceptable',
					error_description: 'only application/json is served',
				});
			}
			const q = parseExpenseQuery(req);
			const matching = this.expensesOf(userId).filter(
				(e) => e.useDate >= q.startDate && e.useDate <= q.endDate,
			);
			const owner = this.employee(userId);
			const records = matching
				.slice(q.offset, q.offset + q.limit)
				.map((e) => serializeExpense(e, owner, this.timestampFormat));
			return { body: expensePage(userId, matching.length, q.offset, records, this.detailsKey) };
		});
	}
}

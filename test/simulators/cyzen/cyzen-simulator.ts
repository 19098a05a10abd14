import { crypto } from '../../platform/node';
import { SimHttpError, Simulator, type SimRequest } from '../../kit/simulator';
import { BASE_PATH, isProposedPath, type Method } from './catalogue';
import { ERR, fail } from './errors';
import { FieldApp, type ReportInput, type StampInput, type Touchable } from './field-app';
import { authenticate, CyzenGateway } from './gateway';
import { WriteLedger } from './ledger';
import { idCursor, listBody, paginate, type Cursor } from './paging';
import { isRecord, type Params } from './params';
import { filterBy } from './routes/common';
import type { Done, ListOptions, RouteContext } from './routes/context';
import { activityRoutes } from './routes/activity';
import { organisationRoutes } from './routes/organisation';
import { reportRoutes } from './routes/reports';
import { scheduleRoutes } from './routes/schedules';
import { spotMediaRoutes } from './routes/spot-media';
import { spotPeopleRoutes } from './routes/spot-people';
import { spotRoutes } from './routes/spots';
import { seedStore, type SeedOptions } from './seed';
import { Serializer } from './serialize';
import { CyzenStore } from './store';
import { DEFAULT_SWITCHES, parseSwitchChange, type CyzenSwitches } from './switches';
import { formatUtc, truncateToSecond } from './time';
import type { ItemValue } from './types';

export interface CyzenSimulatorOptions {
	/** The tenant's access token; generated with crypto when omitted. */
	accessToken?: string;
	/** The tenant's `company_id` (32 hex characters); generated when omitted. */
	companyId?: string;
	/** Path of every vendor route; the real base URL ends in `/webapi/v0`. */
	basePath?: string;
	/** Initial switches (see switches.ts); a reset restores these. */
	switches?: Partial<CyzenSwitches>;
	/** Demo data sizes; used on construction and by every reset. */
	seed?: SeedOptions;
}

function copySwitches(switches: CyzenSwitches): CyzenSwitches {
	return {
		...switches,
		rateLimit: switches.rateLimit && { ...switches.rateLimit },
		badScheduleDays: [...switches.badScheduleDays],
	};
}

/**
 * A local cyzen 連携API (vendor overview `seeds/000_675942388cf1532e.txt`, organised in
 * `specs/cyzen.md`), built on the simulator kit from those documents only. Serve it with
 * `serveDuringTests(sim)`; the credential takes `sim.baseUrl`, `sim.accessToken`, `sim.companyId`.
 * See README.md in this folder for every behaviour's source and every switch.
 */
export class CyzenSimulator extends Simulator {
	readonly store = new CyzenStore();
	readonly ledger = new WriteLedger();
	readonly accessToken: string;
	readonly companyId: string;
	readonly basePath: string;
	/** Live switches; tests may change them (or call `setSwitches`). A reset restores the initial ones. */
	readonly switches: CyzenSwitches;
	/** App-side events: reports filed, stamps, positions, console edits. */
	readonly app: FieldApp;
	private readonly initialSwitches: CyzenSwitches;
	private readonly tokens = new Set<string>();
	private readonly gateway: CyzenGateway;
	private readonly serializer: Serializer;
	private seedOptions: SeedOptions;

	constructor(readonly options: CyzenSimulatorOptions = {}) {
		super('cyzen');
		this.accessToken = options.accessToken ?? crypto.randomBytes(32).toString('hex');
		this.companyId = options.companyId ?? crypto.randomBytes(16).toString('hex');
		this.basePath = (options.basePath ?? BASE_PATH).replace(/\/$/, '');
		this.initialSwitches = copySwitches({
			...DEFAULT_SWITCHES,
			...parseSwitchChange(options.switches ?? {}),
		});
		this.switches = copySwitches(this.initialSwitches);
		this.tokens.add(this.accessToken);
		this.gateway = new CyzenGateway(this.tokens, `${this.basePath}/`, this.switches, this.now);
		this.limiter = this.gateway;
		this.serializer = new Serializer(this.store);
		this.app = new FieldApp(this.store, () => truncateToSecond(this.now()));
		this.seedOptions = options.seed ?? {};
		this.seed(this.seedOptions);
		this.onReset = () => {
			Object.assign(this.switches, copySwitches(this.initialSwitches));
			this.tokens.clear();
			this.tokens.add(this.accessToken);
			this.gateway.reset();
			this.ledger.clear();
			this.seed(this.seedOptions);
		};
		this.defineRoutes();
		this.defineAdmin();
	}

	/** What to put in the credential's base URL: the server address plus `/webapi/v0`. */
	get baseUrl(): string {
		return `${this.url}${this.basePath}`;
	}

	/** Replaces all data with a freshly generated tenant (anchored at the clock); resets reuse these options. */
	seed(options: SeedOptions = {}): void {
		this.seedOptions = options;
		seedStore(this.store, options, this.now());
	}

	/** Changes switches until the next reset; throws on an unknown switch or a bad value. */
	setSwitches(change: Partial<CyzenSwitches>): CyzenSwitches {
		Object.assign(this.switches, copySwitches({ ...this.switches, ...parseSwitchChange(change) }));
		return this.switches;
	}

	/** Issues another access token for the same company (its own rate bucket) until the next reset. */
	addToken(): string {
		const token = crypto.randomBytes(32).toString('hex');
		this.tokens.add(token);
		return token;
	}

	/** The report as `GET /reports` shows it. */
	reportJson(id: string) {
		const report = this.store.reports.get(id);
		return report && this.serializer.report(report);
	}

	/** The spot as `GET /spots` shows it. */
	spotJson(id: string) {
		const spot = this.store.spots.get(id);
		return spot && this.serializer.spot(spot);
	}

	/** See `RouteContext.list`. */
	private listRoute<T>(
		ctx: RouteContext,
		path: string,
		rows: (params: Params) => Iterable<T>,
		{ filters = [], id, cursor, serialize = (row) => ({ ...row }) }: ListOptions<T>,
	): void {
		const byId = id && idCursor<T>(`next_${id}`, (row) => String(row[id]));
		const pick = (): Cursor<T> | undefined =>
			cursor === undefined ? byId : 'keys' in cursor ? cursor : cursor();
		if (!pick()) throw new Error(`GET ${path}: a list needs an id or a cursor`);
		ctx.route('GET', path, (params) =>
			listBody(
				path.slice(1),
				paginate(filterBy(rows(params), params, filters), pick() as Cursor<T>, params),
				serialize,
			),
		);
	}

	/** Ledgers an applied write and builds its answer (see `Done`). */
	private applied(
		method: Method,
		path: string,
		params: Params,
		ids: Record<string, string>,
		options: { upsert?: true },
	): unknown {
		if (method === 'GET') throw new Error(`GET ${path} does not write`);
		this.ledger.record({
			at: formatUtc(this.now()),
			method,
			path,
			operation:
				method === 'POST'
					? options.upsert
						? 'update'
						: 'create'
					: method === 'PUT'
						? 'update'
						: 'delete',
			ids,
			...options,
			fields: params.fields(),
		});
		if (method === 'PUT') return { modified: 1, ...ids };
		if (method === 'DELETE') return { deleted: 1, ...ids };
		return { ...ids };
	}

	private defineRoutes(): void {
		const ctx: RouteContext = {
			store: this.store,
			serialize: this.serializer,
			switches: this.switches,
			ledger: this.ledger,
			now: () => truncateToSecond(this.now()),
			nowText: () => formatUtc(this.now()),
			route: (method, path, handler) => {
				const proposed = isProposedPath(method, path);
				this.route(method, `${this.basePath}${path}`, (req) => {
					if (proposed && !this.switches.proposedPaths) fail(404, ERR.notFound, 'not found');
					const params = authenticate(req, this.tokens, this.companyId);
					const done: Done = (ids, options = {}) =>
						this.applied(method, path, params, ids, options);
					return { body: handler(params, done) };
				});
			},
			list: (path, rows, options) => this.listRoute(ctx, path, rows, options),
			touch: (record) => {
				if (record) record.updated_at = formatUtc(this.now());
			},
		};
		organisationRoutes(ctx);
		spotRoutes(ctx);
		spotPeopleRoutes(ctx);
		spotMediaRoutes(ctx);
		activityRoutes(ctx);
		reportRoutes(ctx);
		scheduleRoutes(ctx);
		// Anything else under the base path: cyzen's error shape rather than the kit's [proposed].
		for (const method of ['GET', 'POST', 'PUT', 'DELETE'] satisfies Method[])
			this.route(method, `${this.basePath}/:unknown`, () => fail(404, ERR.notFound, 'not found'));
	}

	/**
	 * `/__admin/cyzen/…`: the switches, the ledger, reseeding and app-side events for processes
	 * outside the test (demo, e2e, benchmarks). The kit's `/__admin/` routes (faults, request log,
	 * clock, reset) work as for every simulator.
	 */
	private defineAdmin(): void {
		const body = (req: SimRequest): Record<string, unknown> => (isRecord(req.body) ? req.body : {});
		const badRequest = (error: unknown): never => {
			throw new SimHttpError(400, {
				error: error instanceof Error ? error.message : String(error),
			});
		};
		const attempt = <T>(run: () => T): T => {
			try {
				return run();
			} catch (error) {
				return badRequest(error);
			}
		};
		this.admin('GET', '/__admin/cyzen', () => ({
			body: {
				baseUrl: this.baseUrl,
				accessToken: this.accessToken,
				companyId: this.companyId,
				tokens: [...this.tokens],
				switches: this.switches,
				now: formatUtc(this.now()),
				counts: this.counts(),
				ledgerEntries: this.ledger.entries.length,
			},
		}));
		this.admin('POST', '/__admin/cyzen/switches', (req) => ({
			body: attempt(() => this.setSwitches(body(req) as Partial<CyzenSwitches>)),
		}));
		this.admin('POST', '/__admin/cyzen/tokens', () => ({
			status: 201,
			body: { accessToken: this.addToken() },
		}));
		this.admin('GET', '/__admin/cyzen/ledger', () => ({ body: this.ledger.entries }));
		this.admin('DELETE', '/__admin/cyzen/ledger', () => {
			this.ledger.clear();
			return { status: 204 };
		});
		this.admin('POST', '/__admin/cyzen/seed', (req) => {
			attempt(() => this.seed(body(req) as SeedOptions));
			return { body: { counts: this.counts() } };
		});
		this.admin('POST', '/__admin/cyzen/app', (req) => ({
			body: attempt(() => this.appEvent(body(req))),
		}));
	}

	/** One app-side event from `POST /__admin/cyzen/app` (see README.md for the shapes). */
	private appEvent(input: Record<string, unknown>): unknown {
		const s = this.serializer;
		const text = (name: string) => (typeof input[name] === 'string' ? input[name] : undefined);
		switch (input.action) {
			case 'report':
				return s.report(this.app.submitReport(input as ReportInput));
			case 'edit-report':
				return s.report(
					this.app.editReport(text('reportId') ?? '', input.items as Record<string, ItemValue>),
				);
			case 'stamp':
				return { ...this.app.stamp(input as StampInput) };
			case 'track':
				return {
					...this.app.track(text('userId'), Number(input.latitude), Number(input.longitude)),
				};
			case 'touch':
				this.app.touch(
					input.kind as Touchable,
					text('id') ?? '',
					input.changes as Record<string, unknown>,
				);
				return { touched: input.kind, id: input.id };
			case 'delete-schedule':
				this.app.deleteSchedule(text('id') ?? '');
				return { deleted: input.id };
			default:
				throw new Error(`unknown action ${String(input.action)}`);
		}
	}

	/** Records per object, for the admin summary and the seed tests. */
	counts(): Record<string, number> {
		const s = this.store;
		return {
			groups: s.groups.size,
			users: s.users.size,
			userTags: s.userTags.size,
			spots: s.spots.size,
			spotTags: s.spotTags.size,
			spotCustomerStaffs: s.spotCustomerStaffs.size,
			statuses: s.statuses.size,
			histories: s.histories.size,
			trackings: s.trackings.size,
			reportDefinitions: s.reportDefinitions.size,
			reports: s.reports.size,
			images: s.images.size,
			schedules: s.schedules.size,
			transportationExpenses: s.transportationExpenses.size,
			spotPhotos: s.spotPhotos.size,
		};
	}
}

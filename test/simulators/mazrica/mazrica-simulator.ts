import { crypto } from '../../platform/node';
import { Simulator, type Handler, type SimRequest } from '../../kit/simulator';
import type { RouteContext } from './context';
import {
	apiKeyOf,
	authenticate,
	DEFAULT_RATE_LIMIT,
	MazricaGateway,
	type KeyEntry,
	type RateLimitOptions,
} from './gateway';
import { actionRoutes } from './routes/actions';
import { auditRoutes } from './routes/audits';
import { contactRoutes } from './routes/contacts';
import { customObjectRoutes } from './routes/custom-objects';
import { customerRoutes } from './routes/customers';
import { dealRoutes } from './routes/deals';
import { organisationRoutes } from './routes/organisation';
import { settingsRoutes } from './routes/settings';
import { seedStore, type SeedOptions } from './seed';
import { Serializer } from './serialize';
import { MazricaStore } from './store';
import { truncateToSecond } from './time';
import type {
	ActionRec,
	AuditOperation,
	ContactRec,
	CustomerRec,
	CustomObjectRec,
	DealRec,
	PlanFlags,
} from './types';

export interface ApiKeyOptions {
	/** The key; generated with crypto when omitted. */
	key?: string;
	/** Plan flags; each defaults to true (everything available). */
	plan?: Partial<PlanFlags>;
	/** The user the key acts as in audit entries [proposed]; default 1 (the seeded admin). */
	userId?: number;
}

export interface MazricaSimulatorOptions {
	/** Default: one generated key with every plan flag on. */
	apiKeys?: ApiKeyOptions[];
	/** Default 3/s, burst 100, 10,000/day (vendor doc). `false` switches limiting off (auth stays). */
	rateLimit?: RateLimitOptions | false;
	/** Demo data sizes; used on construction and by every reset. */
	seed?: SeedOptions;
	/** Q4: answer `GET /contacts` with a bare array, as the document's sample shows. Default false. */
	contactsBareArray?: boolean;
	/** Path prefix of every vendor route; the real base URL ends in `/v1`. Default `/v1`. */
	basePath?: string;
}

const FULL_PLAN: PlanFlags = { customObjects: true, lifecycleStages: true, bi: true };

/** Record kinds `touch` can edit "in the Mazrica UI". */
export interface TouchKinds {
	customer: CustomerRec;
	deal: DealRec;
	contact: ContactRec;
	action: ActionRec;
	customObject: CustomObjectRec;
}

/**
 * A local Mazrica Open API v1 (vendor reference `002_63f3be44159fad22.txt`, organised in
 * `specs/mazrica.md`), built on the simulator kit. Serve it with `serveDuringTests(sim)` and point
 * the credential's base URL at `sim.baseUrl`.
 */
export class MazricaSimulator extends Simulator {
	readonly store = new MazricaStore();
	/** Every configured key, in option order. */
	readonly apiKeys: string[];
	readonly basePath: string;
	private readonly keys = new Map<string, KeyEntry>();
	private readonly initialKeys: Array<[string, KeyEntry]>;
	private readonly gateway: MazricaGateway;
	private readonly serializer: Serializer;
	private seedOptions: SeedOptions;

	constructor(readonly options: MazricaSimulatorOptions = {}) {
		super('mazrica');
		this.basePath = (options.basePath ?? '/v1').replace(/\/$/, '');
		const configured = options.apiKeys?.length ? options.apiKeys : [{}];
		this.initialKeys = configured.map((k) => [
			k.key ?? crypto.randomBytes(20).toString('hex'),
			{ plan: { ...FULL_PLAN, ...k.plan }, userId: k.userId ?? 1 },
		]);
		this.apiKeys = this.initialKeys.map(([key]) => key);
		this.restoreKeys();
		const limits =
			options.rateLimit === false ? null : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
		this.gateway = new MazricaGateway(this.keys, limits, this.now);
		this.limiter = this.gateway;
		this.serializer = new Serializer(this.store, this.now);
		this.seedOptions = options.seed ?? {};
		this.seed(this.seedOptions);
		this.onReset = () => {
			this.restoreKeys();
			this.gateway.reset();
			this.seed(this.seedOptions);
		};
		this.defineRoutes();
	}

	/** The first configured key. */
	get apiKey(): string {
		return this.apiKeys[0];
	}

	/** What to put in the credential's base URL: the server address plus `/v1`. */
	get baseUrl(): string {
		return `${this.url}${this.basePath}`;
	}

	/** Replaces all data with a freshly generated tenant; later resets reuse these options. */
	seed(options: SeedOptions = {}): void {
		this.seedOptions = options;
		seedStore(this.store, options);
	}

	/** Changes a key's plan flags until the next reset. */
	setPlan(key: string, plan: Partial<PlanFlags>): void {
		const entry = this.keys.get(key);
		if (!entry) throw new Error('unknown api key');
		entry.plan = { ...entry.plan, ...plan };
	}

	/** Adds a key (generated) until the next reset and returns it. */
	addApiKey(plan: Partial<PlanFlags> = {}, userId = 1): string {
		const key = crypto.randomBytes(20).toString('hex');
		this.keys.set(key, { plan: { ...FULL_PLAN, ...plan }, userId });
		return key;
	}

	/** Requests counted against `key`'s daily quota on the current UTC day. */
	quotaUsed(key = this.apiKey): number {
		return this.gateway.quotaUsed(key);
	}

	/**
	 * Spends the rest of today's quota of `key`, as other systems sharing the key would: its next
	 * request gets the daily 429 (when rate limiting is on) until 00:00 UTC.
	 */
	useUpDailyQuota(key = this.apiKey): void {
		this.gateway.useUpQuota(key);
	}

	/**
	 * Edits a record as a user would in the Mazrica UI: applies `changes` to the stored record,
	 * sets `updatedAt` to the simulator clock and writes a 'web' audit entry. For trigger tests.
	 */
	touch<K extends keyof TouchKinds>(
		kind: K,
		id: number,
		changes: Partial<TouchKinds[K]> = {},
	): TouchKinds[K] {
		const maps: { [P in keyof TouchKinds]: Map<number, TouchKinds[P]> } = {
			customer: this.store.customers,
			deal: this.store.deals,
			contact: this.store.contacts,
			action: this.store.actions,
			customObject: this.store.customObjects,
		};
		const record = maps[kind].get(id);
		if (!record) throw new Error(`no ${kind} ${id}`);
		Object.assign(record, changes, { updatedAt: truncateToSecond(this.now()) });
		const name = 'name' in record && typeof record.name === 'string' ? record.name : null;
		const targetType =
			kind === 'action'
				? `${(record as ActionRec).kind}_action`
				: kind === 'customObject'
					? 'custom_object'
					: kind;
		this.writeAudit(null, 'update', targetType, id, name, 'web');
		return record;
	}

	/** The record as the API would serialise it (customer, deal, contact, action, custom object). */
	serialize(kind: keyof TouchKinds, id: number): Record<string, unknown> | undefined {
		const s = this.serializer;
		switch (kind) {
			case 'customer': {
				const r = this.store.customers.get(id);
				return r && s.customer(r);
			}
			case 'deal': {
				const r = this.store.deals.get(id);
				return r && s.deal(r);
			}
			case 'contact': {
				const r = this.store.contacts.get(id);
				return r && s.contact(r);
			}
			case 'action': {
				const r = this.store.actions.get(id);
				return r && s.action(r);
			}
			case 'customObject': {
				const r = this.store.customObjects.get(id);
				return r && s.customObject(r);
			}
		}
	}

	private restoreKeys(): void {
		this.keys.clear();
		for (const [key, entry] of this.initialKeys)
			this.keys.set(key, { ...entry, plan: { ...entry.plan } });
	}

	private planOf(req: SimRequest): PlanFlags {
		const key = apiKeyOf(req);
		return (key === undefined ? undefined : this.keys.get(key)?.plan) ?? { ...FULL_PLAN };
	}

	private writeAudit(
		req: SimRequest | null,
		operation: AuditOperation,
		targetType: string,
		targetId: number | string,
		targetName: string | null,
		source: 'api' | 'web',
	): void {
		const key = req ? apiKeyOf(req) : undefined;
		const userId = key === undefined ? null : (this.keys.get(key)?.userId ?? null);
		this.store.audits.push({
			id: this.store.nextId('audit'),
			at: truncateToSecond(this.now()),
			userId,
			operation,
			targetType,
			targetId,
			targetName,
			source,
		});
	}

	private defineRoutes(): void {
		const ctx: RouteContext = {
			store: this.store,
			serialize: this.serializer,
			route: (method: string, path: string, handler: Handler) => {
				this.route(method, `${this.basePath}${path}`, (req) => {
					authenticate(req, this.keys);
					return handler(req);
				});
			},
			now: () => truncateToSecond(this.now()),
			plan: (req) => this.planOf(req),
			audit: (req, operation, targetType, targetId, targetName) =>
				this.writeAudit(req, operation, targetType, targetId, targetName, 'api'),
			contactsBareArray: this.options.contactsBareArray ?? false,
		};
		organisationRoutes(ctx);
		settingsRoutes(ctx);
		customerRoutes(ctx);
		dealRoutes(ctx);
		contactRoutes(ctx);
		actionRoutes(ctx);
		customObjectRoutes(ctx);
		auditRoutes(ctx);
	}
}

import { crypto } from '../../platform/node';
import { Simulator, type SimRequest, type SimResponse } from '../../kit/simulator';
import { GatewayTokenBucket } from '../../kit/token-bucket';
import { applyJob, createJob, phaseOf } from './bulk';
import { CustomerTable } from './customer-table';
import {
	readCustomerInput,
	requirePermission,
	requireScope,
	writeCustomer,
} from './customers';
import { fail, MESSAGES, SatoriAnswer, validation } from './errors';
import { postForm, submap, text, type FormMap } from './form';
import { demoCustomers, demoTenant, key } from './seed';
import {
	ALL_PERMISSIONS,
	DEFAULT_BEHAVIOUR,
	type Behaviour,
	type BulkJob,
	type CustomerRec,
	type SatoriUser,
	type Tenant,
} from './types';

/** The seven calls of the vendor overview, at the URLs of spec §2 (PROPOSED ones included). */
export const DEFAULT_PATHS = {
	customerRegistration: '/api/v4/public/customer/registration.json',
	customerUpsert: '/api/v4/public/customer/upsert.json',
	customerDelete: '/api/v4/public/customer/delete.json',
	bulkRegistration: '/api/v4/public/bulk_customers/registration.json',
	bulkUpsert: '/api/v4/public/bulk_customers/upsert.json',
	bulkStatus: '/api/v4/public/bulk_customers/status.json',
	addAction: '/api/v4/public/customer/add_action.json',
};

export type SatoriRoute = keyof typeof DEFAULT_PATHS;

export interface SatoriSimulatorOptions {
	/** Default: the demo company of seed.ts (keys generated per simulator). */
	tenants?: Tenant[];
	/** Customers seeded for the first tenant on construction and every reset. Default 20. */
	seedCustomers?: number;
	behaviour?: Partial<Behaviour>;
	/** Where each call is served; PROPOSED paths can be moved here. */
	paths?: Partial<Record<SatoriRoute, string>>;
	/** Off by default (SATORI publishes no limit); on, a token bucket per company answers 429. */
	rateLimit?: { ratePerSecond: number; burst: number };
}

interface Caller {
	tenant: Tenant;
	user: SatoriUser;
	customers: CustomerTable;
}

/**
 * A local SATORI Web API (vendor overview `seeds/001_e3e2e28e121b6a2b.txt`, organised in
 * `specs/satori.md`) on the simulator kit: four-key authentication from the form body (POST) or
 * the query (GET), permission rules incl. "own only", bracket keys, urlencoded and multipart
 * bodies, CSV bulk jobs that move from waiting to processing to finished, the body/HTTP status
 * switch and the 2025-10 duplicate-email fault. Nothing reads customers over the public routes;
 * tests look at `store`, and `GET /__satori/customers` shows it to other processes.
 */
export class SatoriSimulator extends Simulator {
	readonly tenants: Tenant[];
	/** Customers per company key, by hashcode. */
	readonly store = new Map<string, CustomerTable>();
	readonly jobs = new Map<string, BulkJob>();
	/** Live switches; tests may change them. A reset restores the constructor's values. */
	readonly behaviour: Behaviour;
	readonly paths: Record<SatoriRoute, string>;
	private readonly initialBehaviour: Behaviour;
	private buckets = new Map<string, GatewayTokenBucket>();

	constructor(readonly options: SatoriSimulatorOptions = {}) {
		super('satori');
		this.tenants = options.tenants ?? [demoTenant()];
		this.initialBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
		this.behaviour = { ...this.initialBehaviour };
		this.paths = { ...DEFAULT_PATHS, ...options.paths };
		this.seed();
		this.onReset = () => {
			Object.assign(this.behaviour, this.initialBehaviour);
			this.buckets.clear();
			this.seed();
		};
		if (options.rateLimit) this.limiter = { check: (req) => this.rateLimited(req) };
		this.defineRoutes();
	}

	/** What to put in the credential's Base URL. */
	get baseUrl(): string {
		return this.url;
	}

	/** The four keys of a tenant's user, as the credential holds them. */
	keysOf(userIndex = 0, tenantIndex = 0) {
		const tenant = this.tenants[tenantIndex];
		const user = tenant.users[userIndex];
		return {
			userApiKey: user.userKey,
			userSecret: user.userSecret,
			companyApiKey: tenant.companyKey,
			companySecret: tenant.companySecret,
		};
	}

	/**
	 * Issues API keys for one more user of a tenant, with every permission and scope "all", as an
	 * administrator would in the admin screen; returns the user's index for keysOf. Budgets,
	 * pauses and the breaker of a client belong to its keys, so each test that needs them fresh
	 * takes its own user.
	 */
	addApiUser(tenantIndex = 0): number {
		const users = this.tenants[tenantIndex].users;
		users.push({
			name: `API利用者 ${users.length + 1}`,
			userKey: key('uk'),
			userSecret: key('us'),
			permissions: [...ALL_PERMISSIONS],
			scope: 'all',
		});
		return users.length - 1;
	}

	/** The same keys under the parameter names SATORI reads (user_key, …). */
	parametersOf(userIndex = 0, tenantIndex = 0): Record<string, string> {
		const keys = this.keysOf(userIndex, tenantIndex);
		return {
			user_key: keys.userApiKey,
			user_secret: keys.userSecret,
			company_key: keys.companyApiKey,
			company_secret: keys.companySecret,
		};
	}

	/** The customers of a tenant (applying every bulk job that is due first). */
	customersOf(tenantIndex = 0): CustomerRec[] {
		this.settleJobs();
		return [...(this.store.get(this.tenants[tenantIndex].companyKey)?.values() ?? [])];
	}

	customerByEmail(email: string, tenantIndex = 0): CustomerRec | undefined {
		this.settleJobs();
		return this.store.get(this.tenants[tenantIndex].companyKey)?.find('email', email);
	}

	/**
	 * Registers customers as an operator would in the SATORI admin screen (owner: the tenant's
	 * first user), e.g. to have thousands of existing customers without sending requests.
	 */
	registerInAdminScreen(emails: string[], items: Record<string, string> = {}, tenantIndex = 0): void {
		const tenant = this.tenants[tenantIndex];
		const table = this.store.get(tenant.companyKey) as CustomerTable;
		const now = this.now();
		for (const email of emails) {
			table.add({
				hashcode: crypto.randomBytes(16).toString('hex'),
				email,
				items: { collection_route: '管理画面', ...items },
				custom: {},
				tags: new Set(),
				actions: [],
				ownerUserKey: tenant.users[0].userKey,
				createdAt: now,
				updatedAt: now,
			});
		}
	}

	private seed(): void {
		this.store.clear();
		this.jobs.clear();
		for (const tenant of this.tenants) this.store.set(tenant.companyKey, new CustomerTable());
		const first = this.tenants[0];
		for (const customer of demoCustomers(first, this.options.seedCustomers ?? 20, this.now())) {
			this.store.get(first.companyKey)?.add(customer);
		}
	}

	/** Applies the rows of every job whose processing time has passed (as SATORI would by then). */
	settleJobs(): void {
		for (const job of this.jobs.values()) {
			if (job.failedRows || phaseOf(job, this.behaviour, this.now()) !== 'finished') continue;
			this.applyDue(job);
		}
	}

	private applyDue(job: BulkJob): void {
		const tenant = this.tenants.find((t) => t.companyKey === job.companyKey) as Tenant;
		const user = tenant.users.find((u) => u.userKey === job.userKey) as SatoriUser;
		applyJob(job, tenant, this.store.get(tenant.companyKey) as CustomerTable, user, this.behaviour, this.now());
	}

	/** A SATORI answer: body `{status, message[, body]}`; the HTTP status mirrors it unless switched off. */
	private answer(status: number, message: unknown, body?: Record<string, unknown>): SimResponse {
		return {
			status: this.behaviour.httpStatus === 'always200' ? 200 : status,
			body: { status, message, ...(body ? { body } : {}) },
		};
	}

	/** Bulk data where the shape switch puts it: `body: {...}` or `message: {...}`. */
	private bulkAnswer(status: number, text: string, data: Record<string, unknown>): SimResponse {
		return this.behaviour.bulkShape === 'message'
			? this.answer(status, data)
			: this.answer(status, text, data);
	}

	private rateLimited(req: SimRequest): SimResponse | undefined {
		const limit = this.options.rateLimit;
		if (!limit || req.path.startsWith('/__')) return undefined;
		const keyOf =
			req.method === 'GET'
				? (req.query.get('company_key') ?? '')
				: String((req.body as Record<string, unknown> | undefined)?.company_key ?? '');
		let bucket = this.buckets.get(keyOf);
		if (!bucket) {
			bucket = new GatewayTokenBucket(limit.ratePerSecond, limit.burst, this.now);
			this.buckets.set(keyOf, bucket);
		}
		return bucket.take().ok ? undefined : this.answer(429, MESSAGES.tooMany);
	}

	/** The four keys, all required, matched against the tenant table (spec §3, §12.2). */
	private caller(params: FormMap): Caller {
		const tenant = this.tenants.find(
			(t) => t.companyKey === text(params, 'company_key') && t.companySecret === text(params, 'company_secret'),
		);
		const user = tenant?.users.find(
			(u) => u.userKey === text(params, 'user_key') && u.userSecret === text(params, 'user_secret'),
		);
		if (!tenant || !user) fail(401, MESSAGES.authFailed);
		return { tenant, user, customers: this.store.get(tenant.companyKey) as CustomerTable };
	}

	private serve(
		route: SatoriRoute,
		method: 'GET' | 'POST',
		handler: (params: FormMap, caller: Caller, req: SimRequest) => SimResponse,
	): void {
		this.route(method, this.paths[route], (req) => {
			try {
				const params =
					method === 'GET'
						? Object.fromEntries(req.query.entries())
						: postForm(req);
				return handler(params, this.caller(params), req);
			} catch (error) {
				if (error instanceof SatoriAnswer) return this.answer(error.status, error.message, error.body);
				return this.answer(500, `内部エラー: ${String(error)}`);
			}
		});
	}

	private defineRoutes(): void {
		const write = (kind: 'registration' | 'upsert') => (params: FormMap, caller: Caller) => {
			const customer = submap(params, 'customer');
			const input = readCustomerInput(
				customer as Record<string, string>,
				text(customer, 'identity_type'),
				caller.tenant,
			);
			const { customer: written } = writeCustomer(kind, input, {
				...caller,
				now: this.now(),
				duplicateEmailBug: this.behaviour.duplicateEmailBug,
				checkPermissions: true,
			});
			return this.answer(
				200,
				this.behaviour.successMessage === 'object' ? { 'customer[hashcode]': written.hashcode } : 'OK',
			);
		};
		this.serve('customerRegistration', 'POST', write('registration'));
		this.serve('customerUpsert', 'POST', write('upsert'));

		const target = (params: FormMap, caller: Caller): CustomerRec => {
			const customer = submap(params, 'customer');
			const identityType = text(customer, 'identity_type');
			if (identityType !== 'email' && identityType !== 'hashcode') {
				validation('identity_type は email または hashcode を指定してください。');
			}
			const identity = text(customer, identityType).trim();
			if (!identity) validation('カスタマーを指定してください。');
			return caller.customers.find(identityType, identity) ?? fail(404, MESSAGES.customerNotFound);
		};

		this.serve('customerDelete', 'POST', (params, caller) => {
			requirePermission(caller.user, 'deleteCustomer');
			const customer = target(params, caller);
			requireScope(caller.user, customer);
			caller.customers.remove(customer);
			return this.answer(200, 'OK');
		});

		this.serve('addAction', 'POST', (params, caller) => {
			requirePermission(caller.user, 'createAction');
			const action = submap(params, 'action');
			if (!text(action, 'name')) validation('アクション名を入力してください。');
			const customer = target(params, caller);
			customer.actions.push(
				Object.fromEntries(Object.entries(action).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
			);
			return this.answer(200, 'OK');
		});

		const submit = (kind: 'registration' | 'upsert') => (params: FormMap, caller: Caller, req: SimRequest) => {
			requirePermission(caller.user, 'bulkRegister');
			const job = createJob(kind, text(params, 'identity_type'), req.files.customer_csv_file, caller.tenant, caller.user, this.now());
			this.jobs.set(job.processCode, job);
			return this.bulkAnswer(202, 'Accepted', { process_code: job.processCode });
		};
		this.serve('bulkRegistration', 'POST', submit('registration'));
		this.serve('bulkUpsert', 'POST', submit('upsert'));

		this.serve('bulkStatus', 'GET', (params, caller) => {
			requirePermission(caller.user, 'bulkStatus');
			const code = text(params, 'process_code');
			if (!code) validation('process_code を指定してください。');
			const job = this.jobs.get(code);
			if (!job || job.companyKey !== caller.tenant.companyKey || this.now() > job.submittedAt + this.behaviour.jobTtlMs) {
				fail(404, MESSAGES.jobNotFound);
			}
			const phase = phaseOf(job, this.behaviour, this.now());
			if (phase === 'finished') this.applyDue(job);
			return this.bulkAnswer(200, 'OK', {
				process_code: code,
				process_status: phase,
				...(phase === 'finished' ? { failed_rows: job.failedRows } : {}),
			});
		});

		// Test and demo only: the stored customers, which SATORI's public API cannot read.
		this.route('GET', '/__satori/customers', () => ({
			body: this.tenants.map((tenant, index) => ({
				company: tenant.name,
				customers: this.customersOf(index).map((c) => ({ ...c, tags: [...c.tags] })),
			})),
		}));
	}
}

import {
	delay,
	http,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
	type Socket,
} from '../platform/node';
import { multipartBoundaryOf, parseMultipart, type UploadedFile } from './multipart';

/** What a route handler returns; `body` is sent as JSON unless `raw` is set. */
export interface SimResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	raw?: string;
}

export interface SimRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Parsed JSON, urlencoded or multipart body (text parts); the raw text is in `rawBody`. */
	body: unknown;
	rawBody: string;
	/** The body's bytes as received, for checks on its encoding. */
	rawBytes: Buffer;
	/** File parts of a multipart/form-data body by name; empty otherwise. */
	files: Record<string, UploadedFile>;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/** Throw from a handler to answer with a vendor error body. */
export class SimHttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		readonly headers: Record<string, string> = {},
	) {
		super(`HTTP ${status}`);
	}
}

/**
 * A fault the next matching request(s) will meet. `respond` answers instead of the route (a 429
 * with Retry-After, a 503, a 2xx body that carries an error); `delayMs` holds the request first;
 * `reset` drops the connection before the route runs, or after it ran and changed state but
 * before any byte of the answer left; `malformed` replaces a handled answer with broken JSON;
 * `hang` never answers: the request waits until the client gives up (its timeout closes the
 * connection), and only then does the route run, as a vendor that processed it too late would.
 */
export interface Fault {
	method?: string;
	/** Matches when the request path (no query) starts with this, or equals it when `exact`. */
	path?: string;
	exact?: boolean;
	/** In-process only (not over /__admin/): a further condition on the request, e.g. on its body. */
	when?: (req: SimRequest) => boolean;
	/** How many matching requests meet the fault; default 1. */
	times?: number;
	/** Let this many matching requests through untouched first. */
	skip?: number;
	respond?: SimResponse;
	delayMs?: number;
	reset?: 'before' | 'after';
	malformed?: boolean;
	hang?: boolean;
}

export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	body: unknown;
	/** File parts received, without their content. */
	files?: Record<string, { filename: string; contentType: string; size: number }>;
	/** What the client received: a status, a dropped connection, or no answer at all (`hang`). */
	status: number | 'reset' | 'unanswered';
	/**
	 * The status the route itself answered, also when a fault then dropped or garbled that answer
	 * (reset after, malformed, hang); absent when the route never ran. Ledgers count writes by it.
	 */
	routeStatus?: number;
	fault?: string;
}

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

/** The answer a rate limiter gives when it refuses, built by each vendor's simulator. */
export interface Limiter {
	/** Return a response to refuse the request, or undefined to let it through. */
	check(req: SimRequest): SimResponse | undefined;
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
	const keys: string[] = [];
	const source = path
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) {
				keys.push(segment.slice(1));
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { pattern: new RegExp(`^${source}/?$`), keys };
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of query) {
		const existing = out[key];
		if (existing === undefined) out[key] = value;
		else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return out;
}

function parseBody(
	raw: string,
	bytes: Buffer,
	contentType: string | undefined,
): { body: unknown; files: Record<string, UploadedFile> } {
	if (!raw) return { body: undefined, files: {} };
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return { body: queryObject(new URLSearchParams(raw)), files: {} };
	}
	const boundary = multipartBoundaryOf(contentType);
	if (boundary) {
		try {
			const form = parseMultipart(bytes, boundary);
			return { body: form.fields, files: form.files };
		} catch {
			// A broken multipart body (MultipartError) reaches the route as text: a bad request there.
			return { body: raw, files: {} };
		}
	}
	try {
		return { body: JSON.parse(raw), files: {} };
	} catch {
		return { body: raw, files: {} };
	}
}

function fileSummary(files: Record<string, UploadedFile>): RecordedRequest['files'] {
	const names = Object.keys(files);
	if (names.length === 0) return undefined;
	return Object.fromEntries(
		names.map((name) => [
			name,
			{ filename: files[name].filename, contentType: files[name].contentType, size: files[name].bytes.length },
		]),
	);
}

/**
 * A loopback HTTP server for one vendor: routes, an optional rate limiter, a clock tests can move,
 * injectable faults and a log of every request received. Admin endpoints under `/__admin/` expose
 * the same controls to processes outside the test (the demo, the e2e suite):
 *   POST /__admin/faults  (a Fault or an array)   DELETE /__admin/faults
 *   GET  /__admin/requests                         DELETE /__admin/requests
 *   POST /__admin/clock   {"advanceMs": n}         POST /__admin/reset
 */
export class Simulator {
	private readonly routes: Route[] = [];
	private readonly adminRoutes: Route[] = [];
	private faults: Array<Fault & { seen: number; used: number }> = [];
	private readonly sockets = new Set<Socket>();
	private server?: Server;
	private seq = 0;
	private clockOffsetMs = 0;
	private readonly inFlight = new Set<Promise<void>>();
	readonly requests: RecordedRequest[] = [];
	limiter?: Limiter;
	/** Runs before each vendor request is limited and routed: tests use it to change state mid-run. */
	onRequest?: (req: SimRequest) => void;
	/** Called by POST /__admin/reset after faults and log are cleared: reseed vendor data here. */
	onReset?: () => void;

	constructor(readonly name: string) {
		this.admin('POST', '/__admin/faults', (req) => {
			const list = Array.isArray(req.body) ? req.body : [req.body];
			for (const fault of list as Fault[]) this.inject(fault);
			return { status: 201, body: { faults: this.faults.length } };
		});
		this.admin('DELETE', '/__admin/faults', () => {
			this.faults = [];
			return { status: 204 };
		});
		this.admin('GET', '/__admin/requests', () => ({ body: this.requests }));
		this.admin('DELETE', '/__admin/requests', () => {
			this.requests.length = 0;
			return { status: 204 };
		});
		this.admin('POST', '/__admin/clock', (req) => {
			this.advanceClock(Number((req.body as { advanceMs?: number })?.advanceMs ?? 0));
			return { body: { now: new Date(this.now()).toISOString() } };
		});
		this.admin('POST', '/__admin/reset', () => {
			this.reset();
			return { status: 204 };
		});
	}

	private frozenAt?: number;

	/** The simulator's clock: real time (or the frozen instant) plus whatever a test advanced it by. */
	now = (): number => (this.frozenAt ?? Date.now()) + this.clockOffsetMs;

	/** Stops the clock at `epochMs` (e.g. to make many edits fall in one second); undefined restarts it. */
	freezeClock(epochMs: number | undefined): void {
		this.frozenAt = epochMs;
	}

	advanceClock(ms: number): void {
		this.clockOffsetMs += ms;
	}

	route(method: string, path: string, handler: Handler): this {
		this.routes.push({ method: method.toUpperCase(), ...compile(path), handler });
		return this;
	}

	/** Registers a control route under `/__admin/` (not recorded, not limited, no faults). */
	protected admin(method: string, path: string, handler: Handler): void {
		this.adminRoutes.push({ method, ...compile(path), handler });
	}

	inject(...faults: Fault[]): void {
		for (const fault of faults) this.faults.push({ ...fault, seen: 0, used: 0 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	reset(): void {
		this.faults = [];
		this.requests.length = 0;
		this.clockOffsetMs = 0;
		this.frozenAt = undefined;
		this.onRequest = undefined;
		this.onReset?.();
	}

	/** Requests to vendor routes (admin calls are not recorded), optionally filtered. */
	received(filter: { method?: string; path?: string } = {}): RecordedRequest[] {
		return this.requests.filter(
			(r) =>
				(!filter.method || r.method === filter.method.toUpperCase()) &&
				(!filter.path || r.path === filter.path || r.path.startsWith(`${filter.path}?`)),
		);
	}

	get url(): string {
		const address = this.server?.address();
		if (!address || typeof address === 'string')
			throw new Error(`${this.name} simulator is not listening`);
		return `http://127.0.0.1:${address.port}`;
	}

	async start(port = 0): Promise<string> {
		this.server = http.createServer((req, res) => {
			const handling = this.handle(req, res).finally(() => this.inFlight.delete(handling));
			this.inFlight.add(handling);
		});
		// Idle keep-alive sockets are closed by the client only. Node's default (the server closes
		// them after 5 s) races a client that reuses one as it closes: ECONNRESET on a loaded machine.
		this.server.keepAliveTimeout = 0;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
		return this.url;
	}

	/**
	 * Resolves when every request received so far has been handled to the end, including routes
	 * that run after their client gave up (`hang`): read a ledger after this, not before.
	 */
	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	/** Every matching fault counts the request (for `skip`); the first one still due is applied. */
	private takeFault(request: SimRequest): Fault | undefined {
		const { method, path } = request;
		let chosen: (typeof this.faults)[number] | undefined;
		for (const fault of this.faults) {
			if (fault.method && fault.method.toUpperCase() !== method) continue;
			if (fault.path && (fault.exact ? path !== fault.path : !path.startsWith(fault.path)))
				continue;
			if (fault.when && !fault.when(request)) continue;
			fault.seen += 1;
			if (!chosen && fault.seen > (fault.skip ?? 0) && fault.used < (fault.times ?? 1))
				chosen = fault;
		}
		if (chosen) chosen.used += 1;
		return chosen;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBytes = Buffer.concat(chunks);
		const rawBody = rawBytes.toString('utf8');
		const url = new URL(req.url ?? '/', 'http://simulator');
		const method = (req.method ?? 'GET').toUpperCase();
		const { body, files } = parseBody(rawBody, rawBytes, req.headers['content-type']);
		const request: SimRequest = {
			method,
			path: url.pathname,
			params: {},
			query: url.searchParams,
			headers: req.headers,
			body,
			rawBody,
			rawBytes,
			files,
		};

		const admin = this.match(this.adminRoutes, method, url.pathname, request);
		if (admin) {
			this.send(res, await this.run(admin, request));
			return;
		}

		const record: RecordedRequest = {
			seq: ++this.seq,
			at: this.now(),
			method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers: req.headers,
			body: request.body,
			files: fileSummary(files),
			status: 0,
		};
		this.requests.push(record);

		const fault = this.takeFault(request);
		if (fault?.delayMs) await delay(fault.delayMs);
		if (fault?.reset === 'before') {
			record.status = 'reset';
			record.fault = 'reset-before';
			req.socket.destroy();
			return;
		}
		if (fault?.respond) {
			record.fault = 'respond';
			record.status = this.send(res, fault.respond);
			return;
		}

		if (fault?.hang) {
			record.status = 'unanswered';
			record.fault = 'hang';
			if (!req.socket.destroyed) await new Promise((resolve) => req.socket.once('close', resolve));
		}

		this.onRequest?.(request);
		const refusal = this.limiter?.check(request);
		if (refusal) {
			if (fault?.hang) return;
			record.fault = 'rate-limit';
			record.status = this.send(res, refusal);
			return;
		}

		const route = this.match(this.routes, method, url.pathname, request);
		const response: SimResponse = route
			? await this.run(route, request)
			: {
					status: 404,
					body: { error: 'Not Found', messages: [`No route ${method} ${url.pathname}`] },
				};
		record.routeStatus = response.status ?? 200;
		if (fault?.hang) return;

		if (fault?.reset === 'after') {
			record.status = 'reset';
			record.fault = 'reset-after';
			req.socket.destroy();
			return;
		}
		if (fault?.malformed) {
			record.fault = 'malformed';
			record.status = this.send(res, { status: response.status, raw: '{"truncated": [1, 2' });
			return;
		}
		record.status = this.send(res, response);
	}

	private match(
		routes: Route[],
		method: string,
		path: string,
		request: SimRequest,
	): Route | undefined {
		for (const route of routes) {
			if (route.method !== method) continue;
			const found = route.pattern.exec(path);
			if (!found) continue;
			request.params = Object.fromEntries(
				route.keys.map((key, i) => [key, decodeURIComponent(found[i + 1])]),
			);
			return route;
		}
		return undefined;
	}

	private async run(route: Route, request: SimRequest): Promise<SimResponse> {
		try {
			return await route.handler(request);
		} catch (error) {
			if (error instanceof SimHttpError) {
				return { status: error.status, body: error.body, headers: error.headers };
			}
			return { status: 500, body: { error: 'Internal Server Error', messages: [String(error)] } };
		}
	}

	private send(res: ServerResponse, response: SimResponse): number {
		const status = response.status ?? 200;
		const headers: Record<string, string> = { ...response.headers };
		let payload = '';
		if (response.raw !== undefined) {
			payload = response.raw;
			headers['content-type'] ??= 'application/json; charset=utf-8';
		} else if (response.body !== undefined) {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		}
		res.writeHead(status, headers);
		res.end(payload);
		return status;
	}
}

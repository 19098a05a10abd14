import type { Limiter, SimRequest, SimResponse } from '../../kit/simulator';
import { GatewayTokenBucket } from '../../kit/token-bucket';
import { ERR, errorsBody, fail } from './errors';
import { isFormContent, Params } from './params';
import type { CyzenSwitches } from './switches';

/**
 * `Authorization: bearer <token>`: PC2 and PC3 send `bearer`, PC1 `Bearer`, and both worked, so
 * the scheme is matched ignoring case (spec §3).
 */
export function bearerToken(req: SimRequest): string | undefined {
	const header = req.headers.authorization;
	const found = typeof header === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(header) : null;
	return found?.[1];
}

/**
 * Who may call, checked in this order: a token issued for the tenant (else 401/40100), a form
 * body on POST/PUT (else 400/40000), the tenant's `company_id` (missing: 400/40000; another
 * company's: 403/40300). Statuses and codes [proposed] (spec §3: not published).
 */
export function authenticate(req: SimRequest, tokens: Set<string>, companyId: string): Params {
	const token = bearerToken(req);
	if (token === undefined || !tokens.has(token)) fail(401, ERR.unauthorized, 'unauthorized');
	// POST/PUT bodies are forms (spec §4); a JSON (or any other) body is 400/40000 [proposed].
	if ((req.method === 'POST' || req.method === 'PUT') && req.rawBody !== '' && !isFormContent(req))
		fail(400, ERR.invalidParameter, 'invalid parameter. use application/x-www-form-urlencoded.');
	const params = Params.of(req);
	const company = params.string('company_id');
	if (company === undefined || company === '')
		fail(400, ERR.invalidParameter, 'invalid parameter company_id.');
	if (company !== companyId) fail(403, ERR.forbidden, 'forbidden');
	return params;
}

/**
 * The kit's limiter slot: one token bucket per access token ("1アクセストークンあたり秒間5回まで",
 * [vendor doc]). A refusal is HTTP 503 with an `errors` body ([public code] PC2; code and text
 * [proposed]), or 429 with the switch. Requests without a known token are not counted: their
 * route answers 401, and the request log does not label them as throttled.
 */
export class CyzenGateway implements Limiter {
	private buckets = new Map<string, GatewayTokenBucket>();
	private bucketsFor = '';

	constructor(
		private readonly tokens: Set<string>,
		private readonly apiPrefix: string,
		private readonly switches: CyzenSwitches,
		private readonly now: () => number,
	) {}

	reset(): void {
		this.buckets = new Map();
	}

	check(req: SimRequest): SimResponse | undefined {
		const limit = this.switches.rateLimit;
		const token = bearerToken(req);
		if (!limit || token === undefined || !this.tokens.has(token)) return undefined;
		if (!req.path.startsWith(this.apiPrefix)) return undefined;
		// A changed limit (admin switch) starts every bucket afresh at the new size.
		const config = `${limit.ratePerSecond}/${limit.burst}`;
		if (config !== this.bucketsFor) {
			this.buckets = new Map();
			this.bucketsFor = config;
		}
		let bucket = this.buckets.get(token);
		if (!bucket) {
			bucket = new GatewayTokenBucket(limit.ratePerSecond, limit.burst, this.now);
			this.buckets.set(token, bucket);
		}
		if (bucket.take().ok) return undefined;
		const status = this.switches.throttleStatus;
		return {
			status,
			body:
				status === 429
					? errorsBody(ERR.tooManyRequests, 'too many requests')
					: errorsBody(ERR.serviceUnavailable, 'service unavailable: rate limit exceeded'),
		};
	}
}

import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../../kit/simulator';
import type { Expected, FaultName, Kind, VendorDescriptor, VendorFaultName } from './model';

/**
 * What the user must get for each fault and kind of request, written down from the documented
 * policy (README "Rate limits and retries"), not from the code:
 * - 429 and 503 prove the vendor did not process the request, so any request is sent again;
 * - after a 500, a dropped connection (before or after the vendor processed it: the client
 *   cannot tell which), a timeout or an unreadable answer the vendor may have acted, so only
 *   idempotent requests are sent again; a non-idempotent write is reported on its item with
 *   "may have been applied" and never sent twice;
 * - a vendor asking to wait longer than a node waits, or a daily quota used up, stops the key:
 *   the request fails at once with when to retry, later requests with the key are not sent,
 *   and a re-run sends nothing;
 * - an expired token is renewed and the request sent again (a 401 proves nothing was processed).
 */

const retried: Expected = { outcome: 'retried' };

/** The hint every ambiguous, non-idempotent failure carries. */
const MAY_HAVE_BEEN_APPLIED = /may have been applied in .+; it was not sent again/;

const reportedIfNotIdempotent = (message = MAY_HAVE_BEEN_APPLIED): Record<Kind, Expected> => ({
	read: retried,
	'idempotent write': retried,
	'non-idempotent write': { outcome: 'failed', message },
});

/** The same expectation for every kind of request. */
export const allKinds = (expected: Expected): Record<Kind, Expected> => ({
	read: expected,
	'idempotent write': expected,
	'non-idempotent write': expected,
});

/** How long the node waits in the timeout cells (the node's Timeout option). */
export const TIMEOUT_MS = 2000;

/** A fault every vendor can meet: caused by the kit's fault injection on the faulted unit's request. */
export interface GenericFault {
	fault: FaultName;
	reading?: string;
	/** The kit fault, minus which request it hits (the matrix adds that). */
	cause(vendor: VendorDescriptor): Omit<Fault, 'when' | 'times'>;
	/** Node parameters the fault needs, e.g. a short Timeout. */
	parameters?(parameters: IDataObject): IDataObject;
	expect: Record<Kind, Expected>;
}

const respond = (status: 429 | 500 | 503, headers?: Record<string, string>) => {
	return (vendor: VendorDescriptor) => ({
		respond: { status, headers, body: vendor.errorBody(status) },
	});
};

export const GENERIC_FAULTS: GenericFault[] = [
	{
		fault: '429 with Retry-After',
		reading: 'Retry-After: 1',
		cause: respond(429, { 'retry-after': '1' }),
		expect: allKinds(retried),
	},
	{
		fault: '429 with Retry-After',
		reading: 'Retry-After: 3600, longer than a node waits',
		cause: respond(429, { 'retry-after': '3600' }),
		expect: allKinds({
			outcome: 'stopped',
			message: /asked to wait 60 minutes, longer than this node waits\. Retry after \S+Z/,
			laterMessage: /paused until \S+Z: .+ asked to wait \(Retry-After\)/,
		}),
	},
	{ fault: '429 without Retry-After', cause: respond(429), expect: allKinds(retried) },
	{ fault: '503', cause: respond(503), expect: allKinds(retried) },
	{ fault: '500', cause: respond(500), expect: reportedIfNotIdempotent() },
	{
		fault: 'reset before processing',
		cause: () => ({ reset: 'before' }),
		expect: reportedIfNotIdempotent(),
	},
	{
		fault: 'reset after processing',
		cause: () => ({ reset: 'after' }),
		expect: reportedIfNotIdempotent(),
	},
	{
		fault: 'timeout',
		reading: `no answer; Timeout option ${TIMEOUT_MS} ms; processed after the client gave up`,
		cause: () => ({ hang: true }),
		parameters: (parameters) => ({
			...parameters,
			options: { ...(parameters.options as IDataObject | undefined), timeout: TIMEOUT_MS },
		}),
		expect: reportedIfNotIdempotent(),
	},
	{
		fault: 'malformed JSON',
		cause: () => ({ malformed: true }),
		expect: reportedIfNotIdempotent(),
	},
];

/**
 * The default expectation of the vendor faults; a vendor overrides it where its answer decides
 * (a throttle reported inside a 200 is a refusal like a 429).
 */
export const VENDOR_FAULT_POLICY: Record<VendorFaultName, Record<Kind, Expected>> = {
	// A definite refusal inside a 2xx body: nothing to retry, the vendor's words shown.
	'error in a 2xx body': allKinds({ outcome: 'failed', message: /returned 200: / }),
	'token expiry mid-pagination': allKinds(retried),
	'refresh-token rotation': allKinds(retried),
	'daily quota': allKinds({
		outcome: 'stopped',
		message: /daily quota.* is used up for this credential until \S+T00:00:00\.000Z/,
		laterMessage: /daily quota.* is used up for this credential until \S+T00:00:00\.000Z/,
	}),
};

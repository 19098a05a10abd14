import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	readVendorError,
	type VendorConnection,
	type VendorErrorDetail,
	type VendorProfile,
} from '@japan-saas/shared/transport';

/** [vendor doc] 秒間5回 per access token. */
export const CYZEN_MAX_REQUESTS_PER_SECOND = 5;
/** [proposed] spec §6: the token is often shared with other systems, so 4 by default. */
export const CYZEN_DEFAULT_REQUESTS_PER_SECOND = 4;

/** [proposed] codes of a throttle written into the body (503 today, 429 announced). */
const THROTTLE_CODES = new Set(['50300', '42900']);

/**
 * [public code] PC2: chapter 2 of the reference says `{"errors":[…]}` may come with HTTP 200.
 * Any non-empty `errors` array is an error whatever the status; a throttle code in it is a
 * refusal (nothing was processed).
 */
function errorInCyzenSuccess(body: unknown): VendorErrorDetail | undefined {
	const errors = (body as { errors?: unknown } | null)?.errors;
	if (!Array.isArray(errors) || errors.length === 0) return undefined;
	const detail = readVendorError(body) ?? { message: 'cyzen answered with an errors list' };
	return { ...detail, throttled: detail.code !== undefined && THROTTLE_CODES.has(detail.code) };
}

/** The rate the credential lets this token use: its field, within cyzen's 5 per second. */
function tokenRate(credentials: ICredentialDataDecryptedObject): number {
	const rate = Number(credentials.requestsPerSecond);
	if (!(rate > 0)) return CYZEN_DEFAULT_REQUESTS_PER_SECOND;
	return Math.min(rate, CYZEN_MAX_REQUESTS_PER_SECOND);
}

export const cyzenProfile: VendorProfile = {
	displayName: 'cyzen',
	// [vendor doc] 5 per second per token. A burst of 1 spaces requests evenly, so no second
	// ever holds more than 5 whatever the vendor's bucket looks like (its burst is not published).
	throttle: { ratePerSecond: CYZEN_MAX_REQUESTS_PER_SECOND, burst: 1 },
	// [public code] PC3 quoting the reference: randomised backoff of 1, 2, 4, 8, 16 s on 503
	// (and 429, announced). Five waits, so six attempts.
	retry: {
		baseDelayMs: 1000,
		maxDelayMs: 16_000,
		jitterMs: 1000,
		maxRefusals: 6,
		maxAttempts: 6,
		maxTotalWaitMs: 40_000,
	},
	errorInSuccessBody: errorInCyzenSuccess,
	hints: {
		400: 'cyzen rejected a parameter (invalid parameter …). Date ranges are split for you; check the field named in the message.',
		401: 'cyzen did not accept the access token. Check it in the credential; RedFox re-issues tokens on request.',
		403: 'The company ID does not belong to this access token. Check the credential.',
		404: 'cyzen has no such path. Paths marked PROPOSED are our reading of the overview; use Custom API Call with the path from your API reference.',
		429: 'cyzen allows 5 requests per second per access token, shared by every system using it. Lower the credential rate.',
		500: "cyzen answered 500. Some schedule date ranges do this on cyzen's side; schedule lists retry such windows day by day.",
		503: 'cyzen allows 5 requests per second per access token, shared by every system using it. Lower the credential rate.',
	},
	secretFields: ['accessToken'],
};

export const cyzenConnection: VendorConnection = {
	profile: cyzenProfile,
	credentialType: 'cyzenApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		String(credentials.baseUrl || 'https://ext.cyzen.cloud/webapi/v0'),
	rateFromCredentials: tokenRate,
};

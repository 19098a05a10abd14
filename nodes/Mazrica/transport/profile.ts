import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type {
	VendorConnection,
	VendorErrorDetail,
	VendorProfile,
} from '@japan-saas/shared/transport';

/** `{"error": "...", "messages": ["...", …]}` (bulk errors add `bulkErrors`), per the vendor reference. */
function mazricaError(body: unknown): VendorErrorDetail | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const { error, messages } = body as { error?: unknown; messages?: unknown };
	const texts = Array.isArray(messages)
		? messages.filter((m): m is string => typeof m === 'string')
		: [];
	if (texts.length === 0 && typeof error !== 'string') return undefined;
	return {
		message: texts.length > 0 ? texts.join(' / ') : String(error),
		code: typeof error === 'string' ? error : undefined,
	};
}

export const mazricaProfile: VendorProfile = {
	displayName: 'Mazrica',
	// [vendor doc] 3 requests/s with a burst of 100 (token bucket), 10,000 requests per UTC day.
	throttle: { ratePerSecond: 3, burst: 100, dailyQuota: 10_000 },
	errorFromBody: mazricaError,
	hints: {
		401: 'Mazrica rejected the API key. Issue a new key under 管理 → API and update the credential.',
		403: 'Your Mazrica plan does not include this feature (custom objects, lifecycle stages or BI), or the key lacks the right.',
		429: 'Mazrica allows 3 requests per second (burst 100) and 10,000 per UTC day per key.',
	},
	secretFields: ['apiKey'],
};

export const mazricaConnection: VendorConnection = {
	profile: mazricaProfile,
	credentialType: 'mazricaApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		String(credentials.baseUrl || 'https://senses-open-api.mazrica.com/v1'),
};

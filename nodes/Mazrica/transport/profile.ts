import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorConnection, VendorProfile, VendorRefusal } from '@japan-saas/shared/transport';

const KEY_HINT =
	'Mazrica rejected the API key. Issue a new key under 管理 → API and update the credential.';
const PLAN_HINT =
	'Your Mazrica plan does not include this feature (custom objects, lifecycle stages or BI), or the key lacks the right.';

/**
 * [vendor doc] Mazrica answers 429 "over either limit" (3/s or 10,000 per UTC day) and says no
 * more. The daily one is told apart by its wording: our simulator's `daily request limit
 * exceeded …` [proposed], or the bare `Limit Exceeded` an API gateway's usage-plan quota answers
 * (seen in an independent mock); a per-second refusal says "rate limit" or "Too Many Requests".
 */
function isDailyQuota({ status, detail }: VendorRefusal): boolean {
	const text = detail?.message.trim() ?? '';
	return status === 429 && (/\bdaily\b/i.test(text) || /^limit exceeded$/i.test(text));
}

/**
 * [vendor doc] 403 means "plan not eligible", and its body says so (…契約プランではない). A 403
 * without that wording (a gateway refusing an unknown key says just "Forbidden") is the key.
 */
function hintFor({ status, detail }: VendorRefusal): string | undefined {
	if (status === 401) return KEY_HINT;
	if (status !== 403) return undefined;
	return /契約プラン|plan/i.test(detail?.message ?? '') ? PLAN_HINT : KEY_HINT;
}

export const mazricaProfile: VendorProfile = {
	displayName: 'Mazrica',
	// [vendor doc] 3 requests/s with a burst of 100 (token bucket), 10,000 requests per UTC day.
	throttle: { ratePerSecond: 3, burst: 100, dailyQuota: 10_000 },
	// [vendor doc] `{"error": "...", "messages": ["...", …]}`: read by the shared readVendorError.
	isQuotaRefusal: isDailyQuota,
	hintFor,
	hints: {
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

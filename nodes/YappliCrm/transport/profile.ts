import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	vendorErrorParts,
	type VendorConnection,
	type VendorProfile,
} from '@japan-saas/shared/transport';

/**
 * The tutorial's failure tables give only "400 | Bad Request | 要求が無効です。" and
 * "401 | Unauthorized | 認証に失敗しました。", with "a JSON string describing the error" in the body:
 * `error` / `error_description`. These say nothing about which value was refused.
 */
const GENERIC_TEXTS = new Set([
	'要求が無効です。',
	'認証に失敗しました。',
	'Bad Request',
	'Unauthorized',
	'invalid_request',
	'unauthorized',
]);

/** Whether a Yappli error body says more than the tutorial's generic status texts. */
export function yappliNamesTheProblem(body: unknown): boolean {
	const { headline, details, code } = vendorErrorParts(body);
	const text = headline ?? code;
	return details.length > 0 || (!!text && !GENERIC_TEXTS.has(text.trim()));
}

export const yappliProfile: VendorProfile = {
	displayName: 'Yappli CRM',
	// [proposed] Yappli publishes no rate limit; 5 requests/s per API client keeps bulk syncs polite.
	throttle: { ratePerSecond: 5, burst: 5 },
	// `{"error": "...", "error_description": "要求が無効です。"}` per the tutorial's error tables
	// (plus any `errors` detail): read by the shared readVendorError.
	hints: {
		// Operations that write replace this with their likely causes (actions/bad-request.ts).
		400: 'Yappli refused the values sent (要求が無効です).',
		401: 'Yappli rejected the credential (認証に失敗しました). Check the client ID and secret and the App URL.',
		403: "Yappli may only accept calls from allow-listed server IPs: ask Yappli to add this n8n server's address.",
		404: 'No member with this ID or unique ID.',
	},
	secretFields: ['clientSecret', 'accessToken'],
	// The transfer token (引き継ぎトークン) travels in the URL path of /check/{token}; a member's
	// password and secret answer in the body of member writes.
	secretParameters: [
		'token',
		...['additionalFields', 'updateFields'].flatMap((collection) =>
			['password', 'secret_question', 'secret_answer'].map((field) => `${collection}.${field}`),
		),
	],
	// One budget per API client; the access token is replaced on every refresh.
	budgetFields: ['clientId', 'clientSecret'],
};

export const yappliConnection: VendorConnection = {
	profile: yappliProfile,
	credentialType: 'yappliCrmApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		`${String(credentials.appUrl).replace(/\/+$/, '')}/api/ext`,
};

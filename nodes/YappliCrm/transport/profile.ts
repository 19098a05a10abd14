import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type {
	VendorConnection,
	VendorErrorDetail,
	VendorProfile,
} from '@japan-saas/shared/transport';

/** `{"error": "...", "error_description": "要求が無効です。"}` per the tutorial's error tables. */
function yappliError(body: unknown): VendorErrorDetail | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return typeof body === 'string' && body.trim() ? { message: body.trim() } : undefined;
	}
	const { error, error_description: description, message } = body as Record<string, unknown>;
	const text = [description, message, error].find(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	return text ? { message: text, code: typeof error === 'string' ? error : undefined } : undefined;
}

export const yappliProfile: VendorProfile = {
	displayName: 'Yappli CRM',
	// [proposed] Yappli publishes no rate limit; 5 requests/s per credential keeps bulk syncs polite.
	throttle: { ratePerSecond: 5, burst: 5 },
	errorFromBody: yappliError,
	hints: {
		400: 'Yappli rejected the request (要求が無効です). Check the fields named in the message.',
		401: 'Yappli rejected the credential (認証に失敗しました). Check the client ID and secret and the App URL.',
		403: "Yappli may only accept calls from allow-listed server IPs: ask Yappli to add this n8n server's address.",
		404: 'No member with this ID or unique ID.',
	},
	secretFields: ['clientSecret', 'accessToken'],
};

export const yappliConnection: VendorConnection = {
	profile: yappliProfile,
	credentialType: 'yappliCrmApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		`${String(credentials.appUrl).replace(/\/+$/, '')}/api/ext`,
};

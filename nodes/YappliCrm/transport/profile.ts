import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorConnection, VendorProfile } from '@japan-saas/shared/transport';

export const yappliProfile: VendorProfile = {
	displayName: 'Yappli CRM',
	// [proposed] Yappli publishes no rate limit; 5 requests/s per API client keeps bulk syncs polite.
	throttle: { ratePerSecond: 5, burst: 5 },
	// `{"error": "...", "error_description": "要求が無効です。"}` per the tutorial's error tables:
	// read by the shared readVendorError.
	hints: {
		400: 'Yappli rejected the request (要求が無効です). Check the fields named in the message.',
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

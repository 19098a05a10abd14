import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorConnection, VendorProfile } from '@japan-saas/shared/transport';

export const rodemProfile: VendorProfile = {
	displayName: 'RODEM',
	// [proposed] RODEM publishes no rate limit; 2 requests/s per OAuth client.
	throttle: { ratePerSecond: 2, burst: 2 },
	// RODEM publishes no error bodies; OAuth 2.0 (RFC 6749/6750) `{ error, error_description }` is
	// expected, which the shared readVendorError reads.
	hints: {
		400: 'RODEM rejected the request. Check the date range (both dates, start before end).',
		401: 'RODEM rejected the token and the refresh did not help: reconnect the RODEM credential.',
		403: 'The RODEM token lacks the expense_read scope: reconnect the credential.',
	},
	secretFields: ['clientSecret'],
	// One budget per OAuth client; the tokens are replaced on every refresh.
	budgetFields: ['clientId', 'clientSecret'],
};

export const rodemConnection: VendorConnection = {
	profile: rodemProfile,
	credentialType: 'rodemOAuth2Api',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		String(credentials.baseUrl || 'https://rodem.valwebservices.com').replace(/\/+$/, ''),
};

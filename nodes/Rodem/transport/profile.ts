import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type {
	VendorConnection,
	VendorErrorDetail,
	VendorProfile,
} from '@japan-saas/shared/transport';

/** RODEM publishes no error bodies; OAuth 2.0 (RFC 6749/6750) `{ error, error_description }` is expected. */
function rodemError(body: unknown): VendorErrorDetail | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const { error, error_description: description, message } = body as Record<string, unknown>;
	const text = [description, message, error].find(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	return text ? { message: text, code: typeof error === 'string' ? error : undefined } : undefined;
}

export const rodemProfile: VendorProfile = {
	displayName: 'RODEM',
	// [proposed] RODEM publishes no rate limit; 2 requests/s per credential.
	throttle: { ratePerSecond: 2, burst: 2 },
	errorFromBody: rodemError,
	hints: {
		400: 'RODEM rejected the request. Check the date range (both dates, start before end).',
		401: 'RODEM rejected the token and the refresh did not help: reconnect the RODEM credential.',
		403: 'The RODEM token lacks the expense_read scope: reconnect the credential.',
	},
	secretFields: ['clientSecret'],
};

export const rodemConnection: VendorConnection = {
	profile: rodemProfile,
	credentialType: 'rodemOAuth2Api',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		String(credentials.baseUrl || 'https://rodem.valwebservices.com').replace(/\/+$/, ''),
};

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorConnection, VendorProfile } from '@japan-saas/shared/transport';

import { errorInSatoriSuccess, satoriErrorDetail } from './answer';

export const satoriProfile: VendorProfile = {
	displayName: 'SATORI',
	// [proposed] SATORI publishes no number but asks callers to avoid bursts and large volumes
	// (v4 manual): 1 request per second per key set, one at a time, each a second after the
	// previous answer (a burst of 1 leaves no token in hand for a late upload). Volume goes
	// through bulk.
	throttle: { ratePerSecond: 1, burst: 1, paceFromAnswer: true },
	errorFromBody: satoriErrorDetail,
	errorInSuccessBody: errorInSatoriSuccess,
	hints: {
		400: 'SATORI rejected the values (バリデーションに失敗しました). Check the field named in the message; custom items must exist in the SATORI admin screen first.',
		401: 'SATORI did not accept the keys (認証に失敗しました). Copy all four keys again from the SATORI admin screen.',
		403: 'The permission rule (権限ルール) of the user who owns the API keys does not allow this operation. Since 2025-10-21 these rules apply to API calls; with "自分のみ" (own only) the user may edit or delete only customers registered with their own key.',
		404: 'No such customer or bulk job. Check the email or hashcode, or the process code (bulk status can be read only for a limited time).',
	},
	secretFields: ['userApiKey', 'userSecret', 'companyApiKey', 'companySecret'],
};

export const satoriConnection: VendorConnection = {
	profile: satoriProfile,
	credentialType: 'satoriApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) =>
		String(credentials.baseUrl || 'https://api.satr.jp'),
};

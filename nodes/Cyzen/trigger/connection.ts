import type { VendorConnection } from '@japan-saas/shared/transport';

// TEMPORARY until h/cyzen-node's transport is merged: the least the trigger needs to reach cyzen.
export const cyzenConnection: VendorConnection = {
	profile: {
		displayName: 'cyzen',
		throttle: { ratePerSecond: 4, burst: 4 },
		errorInSuccessBody: (body) => {
			const errors = (body as { errors?: Array<{ err_code?: unknown; err_msg?: unknown }> })?.errors;
			if (!Array.isArray(errors) || errors.length === 0) return undefined;
			return { message: String(errors[0].err_msg ?? ''), code: String(errors[0].err_code ?? '') };
		},
		secretFields: ['accessToken'],
	},
	credentialType: 'cyzenApi',
	baseUrl: (credentials) =>
		String(credentials.baseUrl || 'https://ext.cyzen.cloud/webapi/v0').replace(/\/+$/, ''),
};

import type { IHttpRequestMethods } from 'n8n-workflow';

export interface SatoriEndpoint {
	method: IHttpRequestMethods;
	/** Below the credential's base URL. */
	path: string;
	/**
	 * True where SATORI names the file but publishes neither URL nor method: our guess from the
	 * sibling endpoints. The node lets users correct these paths under Options → Endpoint Path.
	 */
	proposed: boolean;
	/** Sending it twice leaves the same state (an upsert, a status read). */
	idempotent: boolean;
}

/**
 * The seven calls of SATORI's three API families (vendor overview), as one path map so a
 * PROPOSED path can be corrected in one place.
 */
export const SATORI_ENDPOINTS = {
	customerRegistration: {
		method: 'POST',
		path: '/api/v4/public/customer/registration.json',
		proposed: false,
		idempotent: false,
	},
	customerUpsert: {
		method: 'POST',
		path: '/api/v4/public/customer/upsert.json',
		proposed: false,
		idempotent: true,
	},
	customerDelete: {
		method: 'POST',
		path: '/api/v4/public/customer/delete.json',
		proposed: true,
		idempotent: false,
	},
	bulkRegistration: {
		method: 'POST',
		path: '/api/v4/public/bulk_customers/registration.json',
		proposed: true,
		idempotent: false,
	},
	bulkUpsert: {
		method: 'POST',
		path: '/api/v4/public/bulk_customers/upsert.json',
		proposed: false,
		idempotent: false,
	},
	bulkStatus: {
		method: 'GET',
		path: '/api/v4/public/bulk_customers/status.json',
		proposed: false,
		idempotent: true,
	},
	addAction: {
		method: 'POST',
		path: '/api/v4/public/customer/add_action.json',
		proposed: true,
		idempotent: false,
	},
} as const satisfies Record<string, SatoriEndpoint>;

export type SatoriEndpointName = keyof typeof SATORI_ENDPOINTS;

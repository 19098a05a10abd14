import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorProfile } from './vendor-profile';

/**
 * The identity of one vendor budget: the vendor, its base URL and a SHA-256 of the credential
 * values that name the account (the API key, or the OAuth client), never those values themselves.
 * Every node, trigger, execution and n8n credential using the same key therefore shares one
 * throttle bucket, daily count, pause and breaker in this process; a refreshed token does not
 * start a new budget. Without any such value (an incomplete credential) the credential id is used.
 */
export function budgetKey(
	profile: VendorProfile,
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
	credentialId?: string | null,
): string {
	const values = (profile.budgetFields ?? profile.secretFields)
		.map((field) => credentials[field])
		.filter((value) => value !== undefined && value !== null && value !== '')
		.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
	const identity = values.length > 0 ? values : [`credential:${credentialId ?? ''}`];
	const hash = createHash('sha256')
		.update(JSON.stringify([baseUrl.replace(/\/+$/, ''), ...identity]))
		.digest('hex');
	return `${profile.displayName}:${hash}`;
}

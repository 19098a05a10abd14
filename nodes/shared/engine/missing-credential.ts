import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { VendorConnection } from '../transport';

/**
 * What to tell the user when a dropdown or list is opened on a node that has no credential yet
 * (a freshly added node): n8n would otherwise show "Error fetching options". Undefined when the
 * credential is set.
 */
export function missingCredential(
	context: ILoadOptionsFunctions,
	connection: VendorConnection,
): string | undefined {
	if (context.getNode().credentials?.[connection.credentialType]) return undefined;
	return `Select a ${connection.profile.displayName} credential first`;
}

import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { yappliConnection } from '../transport/profile';

/**
 * A node just added to the canvas has no credential yet, and the editor already asks for its
 * dropdowns: they then answer with one line saying what to set, instead of an error.
 */
export function lacksCredential(context: ILoadOptionsFunctions): boolean {
	return !context.getNode().credentials?.[yappliConnection.credentialType];
}

/** The line shown instead: "Set a Yappli CRM credential above to <purpose>". */
export const setCredentialFirst = (purpose: string) =>
	`Set a ${yappliConnection.profile.displayName} credential above to ${purpose}`;

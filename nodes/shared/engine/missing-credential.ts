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

type Loader<T> = (this: ILoadOptionsFunctions) => Promise<T>;

/**
 * A node's loadOptions or resourceMapping methods, each answering `explain(notice)` instead of
 * calling the vendor while the node has no credential.
 */
export function explainingMissingCredential<T, M extends Record<string, Loader<T>>>(
	connection: VendorConnection,
	explain: (notice: string) => T,
	methods: M,
): M {
	const guarded: Record<string, Loader<T>> = {};
	for (const [name, method] of Object.entries(methods)) {
		guarded[name] = async function (this: ILoadOptionsFunctions) {
			const notice = missingCredential(this, connection);
			return notice ? explain(notice) : await method.call(this);
		};
	}
	return guarded as M;
}

import type { INodeProperties } from 'n8n-workflow';

/**
 * A credential's Base URL: the vendor's documented host by default, changed only to reach a
 * proxy or a local simulator. `pathNote` (no final period) says which path segment
 * the URL includes.
 */
export function baseUrlProperty(defaultUrl: string, pathNote: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: defaultUrl,
		description: `Change only for a proxy or a local simulator. ${pathNote}.`,
	};
}

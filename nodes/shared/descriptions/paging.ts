import type { INodeProperties } from 'n8n-workflow';

/**
 * Return All / Limit, worded as n8n's own Get Many operations word them. `show` scopes both to
 * an operation when the caller does not wrap them itself.
 */
export function returnAllAndLimit(show: Record<string, string[]> = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			...(Object.keys(show).length ? { displayOptions: { show } } : {}),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

import type { INodeProperties } from 'n8n-workflow';

/**
 * "Max Requests per Second", offered under Options by every node and trigger: for n8n in queue
 * mode, where each worker process has its own throttle, or several workflows sharing one key.
 */
export function maxRequestsPerSecondOption(vendor: string, documented: string): INodeProperties {
	return {
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: `Send requests more slowly than ${vendor}'s ${documented}, e.g. when several workers or workflows share one credential. 0 uses that rate.`,
	};
}

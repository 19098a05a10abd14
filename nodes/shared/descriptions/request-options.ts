import type { IDataObject, IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS, type RequestOptions } from '../transport';

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

/** "Timeout": how long one attempt waits for the vendor, in milliseconds as n8n's HTTP Request node. */
export function timeoutOption(vendor: string): INodeProperties {
	return {
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_MS,
		description: `Time in ms to wait for each answer from ${vendor}. A read that times out is asked again; a write is not, because ${vendor} may have applied it.`,
	};
}

/** The request options every node and trigger offers under Options, in the editor's order. */
export function requestOptionProperties(vendor: string, documented: string): INodeProperties[] {
	return [maxRequestsPerSecondOption(vendor, documented), timeoutOption(vendor)];
}

/**
 * The request options as the user set them under Options, for vendorRequest. An action reads
 * them per item; a trigger (no items) once.
 */
export function readRequestOptions(
	context: IExecuteFunctions | IPollFunctions,
	itemIndex?: number,
): RequestOptions {
	const options = (
		itemIndex === undefined
			? (context as IPollFunctions).getNodeParameter('options', {})
			: (context as IExecuteFunctions).getNodeParameter('options', itemIndex, {})
	) as IDataObject;
	return {
		itemIndex,
		maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined,
		timeoutMs: Number(options.timeout) || undefined,
	};
}

import type { INodeProperties } from 'n8n-workflow';

/**
 * The warning every write operation shows: n8n's node-level Retry On Fail runs the whole node
 * again, so every item is sent again, the ones already written included. The nodes retry on
 * their own only what the vendor proves it did not process (see transport/request.ts).
 */
export function retryOnFailNotice(vendor: string): INodeProperties {
	return {
		displayName: `n8n's Retry On Fail (node Settings) runs this whole node again and re-sends every item, including those already written to ${vendor}. The node already retries what is safe to retry; keep Retry On Fail off for writes.`,
		name: 'retryOnFailNotice',
		type: 'notice',
		default: '',
	};
}

import type { CyzenEndpoint } from './schema';

/**
 * For paths the public evidence gets wrong: any method and path below the base URL, with query
 * and form fields, through the same transport (token, company_id, throttle, backoff, errors
 * inside 200). Its parameters come from the custom-call hook.
 */
export const customApiCall: CyzenEndpoint = {
	resource: 'customApiCall',
	operation: 'call',
	name: 'Call',
	action: 'Call any cyzen path',
	description: 'Send a request to any cyzen path, e.g. one your API reference names differently',
	title: 'カスタムAPI呼び出し',
	method: 'GET',
	path: '/',
};

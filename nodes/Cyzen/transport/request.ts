import type { IDataObject } from 'n8n-workflow';

import { formFields } from '@japan-saas/shared/engine/form-body';
import {
	vendorRequest,
	type RequestContext,
	type RequestOptions,
	type VendorRequest,
} from '@japan-saas/shared/transport';

import { cyzenConnection } from './profile';

/** Methods whose parameters cyzen reads from an `application/x-www-form-urlencoded` body (spec §4). */
const FORM_METHODS = new Set(['POST', 'PUT']);

/**
 * One cyzen request through the shared transport (throttle at the credential's rate, 503/429
 * backoff, errors inside HTTP 200): POST/PUT bodies as forms with empty values left out; the
 * credential adds the token and `company_id`.
 */
export async function cyzenRequest<T = unknown>(
	context: RequestContext,
	request: VendorRequest,
	options: RequestOptions = {},
): Promise<T> {
	const form = FORM_METHODS.has(request.method);
	return (await vendorRequest.call(
		context,
		cyzenConnection,
		form
			? {
					...request,
					body: formFields((request.body as IDataObject | undefined) ?? {}),
					form: true,
				}
			: { ...request, body: undefined },
		options,
	)) as T;
}

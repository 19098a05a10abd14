import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	vendorRequest,
	type MultipartParts,
	type RequestContext,
	type RequestOptions,
} from '@japan-saas/shared/transport';

import { SATORI_ENDPOINTS, type SatoriEndpointName } from './endpoints';
import { satoriConnection } from './profile';

/**
 * [proposed] Retries only where the shared layer finds them safe (network errors and 502–504 for
 * idempotent calls, 429/503 for any), at most twice, about 2–4 s and then 4–8 s apart.
 */
const SATORI_RETRY = { maxAttempts: 3, baseDelayMs: 4000, maxDelayMs: 8000 };

/** The call in flight per key set: SATORI gets one request at a time from this n8n process. */
const inFlight = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string, send: () => Promise<T>): Promise<T> {
	const previous = inFlight.get(key) ?? Promise.resolve();
	const current = previous.then(send, send);
	const settled = current.then(
		() => undefined,
		() => undefined,
	);
	inFlight.set(key, settled);
	try {
		return await current;
	} finally {
		if (inFlight.get(key) === settled) inFlight.delete(key);
	}
}

async function keySetOf(context: RequestContext, itemIndex?: number): Promise<string> {
	const credentials = await context.getCredentials(satoriConnection.credentialType, itemIndex);
	return createHash('sha256')
		.update([credentials.companyApiKey, credentials.userApiKey, credentials.baseUrl].join('\n'))
		.digest('hex');
}

export interface SatoriCall {
	/** Form fields, sent urlencoded (bracket names such as `customer[email]` as they are). */
	form?: IDataObject;
	multipart?: MultipartParts;
	qs?: IDataObject;
	/** Replaces the endpoint's path (Options → Endpoint Path, for the PROPOSED ones). */
	path?: string;
}

/** Every SATORI call: the four keys are added by the credential, one request at a time per key set. */
export async function satoriRequest(
	context: RequestContext,
	endpoint: SatoriEndpointName,
	call: SatoriCall,
	options: RequestOptions = {},
): Promise<unknown> {
	const { method, path, idempotent } = SATORI_ENDPOINTS[endpoint];
	const key = await keySetOf(context, options.itemIndex);
	return await oneAtATime(key, async () =>
		await vendorRequest.call(
			context,
			satoriConnection,
			{
				method,
				path: call.path || path,
				qs: call.qs,
				body: call.form,
				form: call.form !== undefined,
				multipart: call.multipart,
				idempotent,
			},
			{ ...options, retry: { ...SATORI_RETRY, ...options.retry } },
		),
	);
}

/** Options → Endpoint Path, offered where our path is a guess. */
export function endpointPathOption(context: IExecuteFunctions, itemIndex: number): string | undefined {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const path = String(options.endpointPath ?? '').trim();
	return path ? `/${path.replace(/^\/+/, '')}` : undefined;
}

import type { Fault } from '../../kit/simulator';
import { BASE_PATH } from './catalogue';
import { ERR, errorsBody } from './errors';

export interface CyzenFaultOptions {
	method?: string;
	/** How many matching requests meet the fault; default 1. */
	times?: number;
	/** Let this many matching requests through first. */
	skip?: number;
}

/**
 * Kit faults in cyzen's shapes, for `sim.inject(...)` or, as the same JSON, `POST /__admin/faults`.
 * `path` is relative to the base path (`/reports`). A fault answers instead of the route, so the
 * vendor processed nothing.
 */
export const cyzenFaults = {
	/** "errors can arrive with HTTP 200" ([public code] PC2, reference chapter 2). */
	errorsWith200(
		path: string,
		error: { code?: number; message?: string } = {},
		options: CyzenFaultOptions = {},
		basePath = BASE_PATH,
	): Fault {
		return {
			...options,
			path: `${basePath}${path}`,
			exact: true,
			respond: {
				status: 200,
				body: errorsBody(error.code ?? ERR.invalidParameter, error.message ?? 'invalid parameter.'),
			},
		};
	},

	/** An HTTP 500 with an `errors` body [proposed body]. */
	serverError(path: string, options: CyzenFaultOptions = {}, basePath = BASE_PATH): Fault {
		return {
			...options,
			path: `${basePath}${path}`,
			exact: true,
			respond: { status: 500, body: errorsBody(ERR.internal, 'internal server error') },
		};
	},
};

import { SimHttpError } from '../../kit/simulator';

/**
 * cyzen's error body (spec §8, [public code] PC2): `{"errors":[{"err_code":…,"err_msg":"…"}]}`.
 * Only 40000 (invalid parameter, HTTP 400) is attested; the other codes are [proposed].
 */
export interface CyzenErrorJson {
	errors: Array<{ err_code: number; err_msg: string }>;
}

export const ERR = {
	/** [public code] invalid parameter value, window too long, incomplete report cursor. */
	invalidParameter: 40000,
	/** [proposed] unknown or missing access token. */
	unauthorized: 40100,
	/** [proposed] `company_id` not the token's company. */
	forbidden: 40300,
	/** [proposed] no such path (or a PROPOSED path while the switch is off). */
	notFound: 40400,
	/** [proposed] throttled with the 429 switch on. */
	tooManyRequests: 42900,
	/** [proposed] server-side data fault (schedules on bad days). */
	internal: 50000,
	/** [proposed] throttled (HTTP 503, [public code] PC2). */
	serviceUnavailable: 50300,
} as const;

export function errorsBody(code: number, message: string): CyzenErrorJson {
	return { errors: [{ err_code: code, err_msg: message }] };
}

export function fail(status: number, code: number, message: string): never {
	throw new SimHttpError(status, errorsBody(code, message));
}

/** The attested wording: `invalid parameter field.` (spec §9.2, [public code] PC2). */
export function invalidParameter(name: string): never {
	fail(400, ERR.invalidParameter, `invalid parameter ${name}.`);
}

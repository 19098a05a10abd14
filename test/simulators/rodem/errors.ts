import { SimHttpError } from '../../kit/simulator';

/**
 * [proposed] RODEM publishes no error bodies. The OAuth endpoints answer RFC 6749 §5.2 bodies
 * (`{"error": "invalid_grant", "error_description": "…"}`); the API answers RFC 6750 bodies.
 */
export function oauthError(
	status: number,
	error: string,
	description: string,
	headers: Record<string, string> = {},
): never {
	throw new SimHttpError(
		status,
		{ error, error_description: description },
		{ 'cache-control': 'no-store', pragma: 'no-cache', ...headers },
	);
}

export const invalidRequest = (description: string): never =>
	oauthError(400, 'invalid_request', description);

export const invalidGrant = (description: string): never =>
	oauthError(400, 'invalid_grant', description);

/** [proposed] 401 with `WWW-Authenticate` (RFC 6749 §5.2 asks for it when Basic was tried). */
export const invalidClient = (description: string, basicTried: boolean): never =>
	oauthError(
		401,
		'invalid_client',
		description,
		basicTried ? { 'www-authenticate': 'Basic realm="RODEM"' } : {},
	);

/**
 * [proposed] The API's 401 (RFC 6750 §3): `{"error":"invalid_token","error_description":"…"}` with
 * `WWW-Authenticate: Bearer error="invalid_token", error_description="…"`; a request with no
 * token at all gets the same body and a bare `Bearer realm="RODEM"` challenge.
 */
export function invalidToken(description: string, tokenPresent: boolean): never {
	throw new SimHttpError(
		401,
		{ error: 'invalid_token', error_description: description },
		{
			'www-authenticate': tokenPresent
				? `Bearer realm="RODEM", error="invalid_token", error_description="${description}"`
				: 'Bearer realm="RODEM"',
		},
	);
}

/** [proposed] Bad query parameters on the API: 400 `{"error":"invalid_request","error_description":"…"}`. */
export function badQuery(description: string): never {
	throw new SimHttpError(400, { error: 'invalid_request', error_description: description });
}

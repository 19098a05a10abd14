import { badRequest, unauthorized } from '../errors';
import { jsonBody } from '../request';
import type { RouteContext } from './context';

/**
 * #1 `POST /api/ext/token` (アクセストークンの作成): OAuth 2.0 client credentials with a JSON body
 * `{grant_type: "client_credentials", client_id, client_secret}` (vendor doc).
 * Answer (vendor doc example): `{access_token, token_type: "bearer", refresh_token, expires_in: 86400,
 * scope: null}`; `expires_in` follows the `expiresIn` shape switch.
 * [proposed] Which problems are 400 and which 401: a non-JSON body, a missing parameter or a
 * `grant_type` other than `client_credentials` → 400; an unknown client_id or a wrong
 * client_secret → 401.
 */
export function tokenRoutes(ctx: RouteContext): void {
	ctx.route(
		'POST',
		'/api/ext/token',
		(req) => {
			const body = jsonBody(req);
			const missing = ['grant_type', 'client_id', 'client_secret'].filter(
				(key) => typeof body[key] !== 'string' || body[key] === '',
			);
			if (missing.length) badRequest(...missing.map((key) => `${key} is required`));
			if (body.grant_type !== 'client_credentials')
				badRequest(`unsupported grant_type ${String(body.grant_type)}`);
			if (!ctx.isClient(body.client_id, body.client_secret))
				unauthorized('invalid client_id or client_secret');
			const { accessToken, refreshToken } = ctx.tokens.issue();
			const lifetime = ctx.tokens.lifetime;
			return {
				status: 200,
				// [proposed] as RFC 6749 §5.1 asks of token responses.
				headers: { 'cache-control': 'no-store' },
				body: {
					access_token: accessToken,
					token_type: 'bearer',
					refresh_token: refreshToken,
					expires_in: ctx.shapes.expiresIn === 'string' ? String(lifetime) : lifetime,
					scope: null,
				},
			};
		},
		{ auth: false },
	);
}

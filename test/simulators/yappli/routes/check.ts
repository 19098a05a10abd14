import { badRequest } from '../errors';
import type { RouteContext } from './context';

/**
 * #11 `GET /api/ext/check/{token}?id={id}` (引き継ぎトークンチェック): `{"status": true}` when the
 * transfer token was issued for that member and is still unused and unexpired, else
 * `{"status": false}` — both 200 (vendor doc table). [proposed] A token is good once; a check with
 * the wrong member id does not use it up; an unknown member id is `false`, not 404; a missing `id`
 * is a 400. With the `checkMember` switch a successful check adds `member` (the section text says
 * the member's data is returned).
 */
export function checkRoutes(ctx: RouteContext): void {
	ctx.route('GET', '/api/ext/check/:token', (req) => {
		const id = req.query.get('id');
		if (!id) badRequest('id is required');
		const entry = ctx.store.transferTokens.get(req.params.token);
		const ok =
			entry !== undefined && !entry.used && entry.memberId === id && ctx.now() < entry.expiresAt;
		const member = ctx.store.members.get(id);
		if (!ok || !entry || !member) return { body: { status: false } };
		entry.used = true;
		if (!ctx.shapes.checkMember) return { body: { status: true } };
		return { body: { status: true, ...ctx.serialize.memberEnvelope(member, false) } };
	});
}

import { notFound } from '../errors';
import { applyPatch, newMember, readMemberBody } from '../member-input';
import { jsonBody, pageOf, pageParams, withColumnKey } from '../request';
import type { RouteContext } from './context';

/** #2–#6: members (顧客). */
export function memberRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;

	// #2 顧客一覧. Paged (`page`, `per_page` ≤ 1000). Items are the list subset of the member
	// object. Order is not documented: the simulator answers in id order [proposed], or most
	// recently updated first (`shapes.memberOrder`); clients must not rely on either.
	// `with_column_key` is not a parameter here (vendor doc) and is ignored.
	ctx.route('GET', '/api/ext/users', (req) => {
		const params = pageParams(req.query);
		if (ctx.pageCap !== undefined) params.perPage = Math.min(params.perPage, ctx.pageCap);
		const members = store.memberList();
		if (ctx.shapes.memberOrder === 'updatedDesc') members.sort((a, b) => b.updatedAt - a.updatedAt);
		return {
			body: pageOf('members', members, params, (m) => serialize.memberListItem(m)),
		};
	});

	// #5 顧客登録. Answers 200 (not 201) with the member (vendor doc).
	ctx.route('POST', '/api/ext/users', (req) => {
		const body = jsonBody(req);
		const keyed = withColumnKey(req, body);
		const patch = readMemberBody(body, 'create', ctx.memberRules);
		const member = newMember(store.nextMemberId(), patch, ctx.tenant, ctx.now());
		store.members.set(member.id, member);
		return { body: serialize.memberEnvelope(member, keyed) };
	});

	// #4 顧客詳細(ユニークID). No match → 404 [proposed, from third-party code].
	// [proposed] `with_column_key` is honoured here too (not listed for this endpoint).
	ctx.route('GET', '/api/ext/users/unique_id/:uniqueId', (req) => {
		const keyed = withColumnKey(req);
		const member = store.byUniqueId(req.params.uniqueId)[0];
		if (!member) notFound(`no member with unique_id ${req.params.uniqueId}`);
		return { body: serialize.memberEnvelope(member, keyed) };
	});

	// #3 顧客詳細.
	ctx.route('GET', '/api/ext/users/:id', (req) => {
		const keyed = withColumnKey(req);
		return { body: serialize.memberEnvelope(ctx.member(req.params.id), keyed) };
	});

	// #6 顧客更新: only the fields sent change [proposed].
	ctx.route('PUT', '/api/ext/users/:id', (req) => {
		const member = ctx.member(req.params.id);
		const body = jsonBody(req);
		const keyed = withColumnKey(req, body);
		const patch = readMemberBody(body, 'update', ctx.memberRules, member);
		applyPatch(member, patch, ctx.now());
		return { body: serialize.memberEnvelope(member, keyed) };
	});
}

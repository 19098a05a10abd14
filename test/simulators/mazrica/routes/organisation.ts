import type { RouteContext } from '../context';
import { badRequest, notFound } from '../errors';
import { jsonBody, Reader } from '../fields';
import { intParam, PAGE_SIZE, pageOf, pageParam, sortRecords } from '../filters';
import type { RoleRec, UserGroupRec, UserRec } from '../types';
import { found, idOf, ok } from './common';

/** Team settings (deprecated), users, user groups and roles. */
export function organisationRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;
	// [proposed] role shape.
	const role = (r: RoleRec) => ({
		id: r.id,
		name: r.name,
		orderNum: r.orderNum,
		parentRoleId: r.parentRoleId,
	});

	// #1 Deprecated (Q1): everything at once.
	ctx.route('GET', '/domains/settings', () =>
		ok({
			dealTypes: [...store.dealTypes.values()].map((d) => serialize.dealTypeSettings(d)),
			users: [...store.users.values()].map((u) => serialize.user(u)),
			roles: [...store.roles.values()].map(role),
		}),
	);

	// #2 Users. Sorting is not documented here; the generic keys are accepted [proposed]. Public code
	// also sends `deleted` and `email`, which the reference does not list; they are ignored [proposed].
	ctx.route('GET', '/users', (req) => {
		const page = pageParam(req.query);
		const sorted = sortRecords<UserRec>(
			[...store.users.values()],
			req.query.get('sort'),
			{ updatedAt: (u) => u.updatedAt, createdAt: (u) => u.createdAt, id: (u) => u.id },
			'-updatedAt',
		);
		return ok(pageOf(sorted, page, PAGE_SIZE, 'users', (u) => serialize.user(u)));
	});

	// #3 User groups, optionally those containing `userId`. [proposed] ordered by orderNum; list
	// items carry `users` like the member endpoints do.
	ctx.route('GET', '/user_groups', (req) => {
		const page = pageParam(req.query);
		const userId = intParam(req.query, 'userId');
		const groups = [...store.userGroups.values()].filter(
			(g) => userId === undefined || g.userIds.includes(userId),
		);
		const sorted = sortRecords<UserGroupRec>(
			groups,
			req.query.get('sort'),
			{ orderNum: (g) => g.orderNum, id: (g) => g.id },
			'orderNum',
		);
		return ok(pageOf(sorted, page, PAGE_SIZE, 'userGroups', (g) => serialize.userGroup(g, true)));
	});

	const group = (id: number): UserGroupRec => found(store.userGroups.get(id), 'user group', id);

	// #4 Rename; `name` absent, null or empty → unchanged (vendor doc).
	ctx.route('PATCH', '/user_groups/:id', (req) => {
		const g = group(idOf(req, 'id', 'user group'));
		const reader = new Reader(jsonBody(req));
		const name = reader.string('name', { nullable: true });
		reader.issues.throwIfAny();
		if (typeof name === 'string' && name !== '') {
			g.name = name;
			ctx.audit(req, 'update', 'user_group', g.id, g.name);
		}
		return ok(serialize.userGroup(g, false));
	});

	// #5 Add one member. `userId` goes in the body (Q2); absent → nothing added, still 200 (vendor
	// doc). Status 200, not 201, per the document. An unknown user is a 404 [proposed].
	ctx.route('POST', '/user_groups/:userGroupId/users', (req) => {
		const g = group(idOf(req, 'userGroupId', 'user group'));
		const reader = new Reader(jsonBody(req));
		const userId = reader.integer('userId', { nullable: true });
		reader.issues.throwIfAny();
		if (typeof userId === 'number') {
			if (!store.users.has(userId)) notFound(`user ${userId} not found`);
			if (!g.userIds.includes(userId)) {
				g.userIds.push(userId);
				ctx.audit(req, 'update', 'user_group', g.id, g.name);
			}
		}
		return ok(serialize.userGroup(g, true));
	});

	// #7 Replace all members; `userIds` absent/null → unchanged, [] → everyone removed (vendor doc).
	// Unknown user ids are a 400 [proposed].
	ctx.route('PATCH', '/user_groups/:userGroupId/users/bulk', (req) => {
		const g = group(idOf(req, 'userGroupId', 'user group'));
		const reader = new Reader(jsonBody(req));
		const userIds = reader.integers('userIds', { nullable: true });
		reader.issues.throwIfAny();
		if (Array.isArray(userIds)) {
			const unknown = userIds.filter((id) => !store.users.has(id));
			if (unknown.length) badRequest(`userIds: unknown user id(s) ${unknown.join(', ')}`);
			g.userIds = [...new Set(userIds)];
			ctx.audit(req, 'update', 'user_group', g.id, g.name);
		}
		return ok(serialize.userGroup(g, true));
	});

	// #6 Remove one member; the user itself stays. Not a member → 404 [proposed]. Empty 200 body [proposed].
	ctx.route('DELETE', '/user_groups/:userGroupId/users/:userId', (req) => {
		const g = group(idOf(req, 'userGroupId', 'user group'));
		const userId = idOf(req, 'userId', 'user');
		if (!store.users.has(userId)) notFound(`user ${userId} not found`);
		if (!g.userIds.includes(userId))
			notFound(`user ${userId} is not a member of user group ${g.id}`);
		g.userIds = g.userIds.filter((id) => id !== userId);
		ctx.audit(req, 'update', 'user_group', g.id, g.name);
		return ok();
	});

	// #8 Roles, in orderNum order [proposed].
	ctx.route('GET', '/roles', (req) => {
		const page = pageParam(req.query);
		const sorted = sortRecords<RoleRec>(
			[...store.roles.values()],
			req.query.get('sort'),
			{ orderNum: (r) => r.orderNum, id: (r) => r.id },
			'orderNum',
		);
		return ok(pageOf(sorted, page, PAGE_SIZE, 'roles', role));
	});
}

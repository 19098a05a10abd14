import { invalidParameter } from '../errors';
import { idCursor, listBody, paginate, type Cursor } from '../paging';
import type { Params } from '../params';
import type { MembershipRec, UserRec } from '../types';
import { assignSent, changedText, filterBy, found, reference, requiredText, text } from './common';
import type { RouteContext } from './context';

/** `GET /users` `field`: what the tenant's switch makes of the value (spec §9.2, §11.7). */
function wantsUserTags(params: Params, mode: RouteContext['switches']['userField']): boolean {
	const field = params.string('field');
	if (field === undefined) return false;
	const accepted =
		mode === 'any-case'
			? field.toLowerCase() === 'all'
			: mode === 'lowercase-only' && field === 'all';
	if (!accepted) invalidParameter('field');
	return true;
}

const membershipCursor: Cursor<MembershipRec> = {
	keys: [
		{ param: 'next_user_id', value: (m) => m.user_id },
		{ param: 'next_group_id', value: (m) => m.group_id },
	],
};

/** グループ情報 (§9.1, §10.2), ユーザー情報 (§9.2), ユーザー所属情報 (§10.2) and メンバー属性 (§9.3). */
export function organisationRoutes(ctx: RouteContext): void {
	const { store } = ctx;

	// ---- groups ---------------------------------------------------------------------------------
	ctx.list('/groups', () => store.groups.values(), { filters: ['group_id'], id: 'group_id' });

	ctx.route('POST', '/groups', (params, done) => {
		const group_code = requiredText(params, 'group_code', 100);
		const group_name = requiredText(params, 'group_name', 100);
		if ([...store.groups.values()].some((g) => g.group_code === group_code))
			invalidParameter('group_code');
		const group_id = store.newId();
		const at = ctx.nowText();
		store.groups.set(group_id, {
			group_id,
			group_join_id: store.newId(),
			group_code,
			group_name,
			created_at: at,
			updated_at: at,
		});
		return done({ group_id });
	});

	ctx.route('PUT', '/groups', (params, done) => {
		const group = found(store.groups, params, 'group_id');
		const group_code = changedText(params, 'group_code', 100);
		if (
			group_code !== undefined &&
			[...store.groups.values()].some((g) => g.group_code === group_code && g !== group)
		)
			invalidParameter('group_code');
		assignSent(group, { group_code, group_name: changedText(params, 'group_name', 100) });
		ctx.touch(group);
		return done({ group_id: group.group_id });
	});

	ctx.route('DELETE', '/groups', (params, done) => {
		const { group_id } = found(store.groups, params, 'group_id');
		store.groups.delete(group_id);
		store.memberships = store.memberships.filter((m) => m.group_id !== group_id);
		return done({ group_id });
	});

	// ---- users ----------------------------------------------------------------------------------
	ctx.route('GET', '/users', (params) => {
		const withTags = wantsUserTags(params, ctx.switches.userField);
		const rows = filterBy(store.users.values(), params, ['user_id']);
		return listBody(
			'users',
			paginate(
				rows,
				idCursor('next_user_id', (u: UserRec) => u.user_id),
				params,
			),
			(u) => ctx.serialize.user(u, withTags),
		);
	});

	const accountStatus = (params: Params) => params.flag('account_status');
	const loginIdTaken = (loginId: string, except?: UserRec) =>
		[...store.users.values()].some((u) => u.user_login_id === loginId && u !== except);

	ctx.route('POST', '/users', (params, done) => {
		const user_login_id = requiredText(params, 'user_login_id', 100);
		const user_name = requiredText(params, 'user_name', 100);
		if (loginIdTaken(user_login_id)) invalidParameter('user_login_id');
		const group = reference(store.groups, params, 'group_id');
		const user_id = store.newId();
		const at = ctx.nowText();
		store.users.set(user_id, {
			user_id,
			user_login_id,
			user_code: text(params, 'user_code', 100) ?? '',
			user_name,
			app_version: null,
			device: null,
			os_version: null,
			account_status: accountStatus(params) ?? 1,
			created_at: at,
			updated_at: at,
			tagIds: [],
		});
		if (group)
			store.memberships.push({
				user_id,
				group_id: group.group_id,
				is_group_owner: 0,
				created_at: at,
			});
		return done({ user_id });
	});

	ctx.route('PUT', '/users', (params, done) => {
		const user = found(store.users, params, 'user_id');
		const user_login_id = changedText(params, 'user_login_id', 100);
		if (user_login_id !== undefined && loginIdTaken(user_login_id, user))
			invalidParameter('user_login_id');
		const group = reference(store.groups, params, 'group_id');
		const at = ctx.nowText();
		assignSent(user, {
			user_login_id,
			user_name: changedText(params, 'user_name', 100),
			user_code: params.has('user_code') ? (text(params, 'user_code', 100) ?? '') : undefined,
			account_status: accountStatus(params),
		});
		// [proposed] a group_id on update adds the membership when the user is not in it yet.
		if (group && !store.membershipsOf(user.user_id).some((m) => m.group_id === group.group_id))
			store.memberships.push({
				user_id: user.user_id,
				group_id: group.group_id,
				is_group_owner: 0,
				created_at: at,
			});
		user.updated_at = at;
		return done({ user_id: user.user_id });
	});

	ctx.route('DELETE', '/users', (params, done) => {
		const { user_id } = found(store.users, params, 'user_id');
		store.users.delete(user_id);
		store.memberships = store.memberships.filter((m) => m.user_id !== user_id);
		store.spotStaffs = store.spotStaffs.filter((s) => s.user_id !== user_id);
		return done({ user_id });
	});

	ctx.list('/user_tags', () => store.userTags.values(), { id: 'user_tag_id' });

	// ---- user_groups (ユーザー所属, PROPOSED dedicated path; embedded in /users as groups[]) -----
	const membershipOf = (params: Params): MembershipRec => {
		const user = found(store.users, params, 'user_id');
		const group = found(store.groups, params, 'group_id');
		const membership = store.memberships.find(
			(m) => m.user_id === user.user_id && m.group_id === group.group_id,
		);
		if (!membership) invalidParameter('group_id');
		return membership;
	};
	const touchUser = (userId: string) => ctx.touch(store.users.get(userId));

	ctx.list('/user_groups', () => store.memberships, {
		filters: ['user_id', 'group_id'],
		cursor: membershipCursor,
		serialize: (m) => ctx.serialize.membership(m),
	});

	ctx.route('POST', '/user_groups', (params, done) => {
		const { user_id } = found(store.users, params, 'user_id');
		const { group_id } = found(store.groups, params, 'group_id');
		if (store.memberships.some((m) => m.user_id === user_id && m.group_id === group_id))
			invalidParameter('group_id');
		store.memberships.push({
			user_id,
			group_id,
			is_group_owner: params.flag('is_group_owner') ?? 0,
			created_at: ctx.nowText(),
		});
		touchUser(user_id);
		return done({ user_id, group_id });
	});

	ctx.route('PUT', '/user_groups', (params, done) => {
		const membership = membershipOf(params);
		const owner = params.flag('is_group_owner');
		if (owner === undefined) invalidParameter('is_group_owner');
		membership.is_group_owner = owner;
		touchUser(membership.user_id);
		const ids = { user_id: membership.user_id, group_id: membership.group_id };
		return done(ids);
	});

	ctx.route('DELETE', '/user_groups', (params, done) => {
		const membership = membershipOf(params);
		store.memberships = store.memberships.filter((m) => m !== membership);
		touchUser(membership.user_id);
		const ids = { user_id: membership.user_id, group_id: membership.group_id };
		return done(ids);
	});
}

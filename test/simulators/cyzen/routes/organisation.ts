import { invalidParameter } from '../errors';
import { idCursor, listBody, paginate, type Cursor } from '../paging';
import type { Params } from '../params';
import type { GroupRec, MembershipRec, UserRec } from '../types';
import {
	assignSent,
	changedText,
	created,
	deleted,
	filterBy,
	found,
	modified,
	reference,
	requiredText,
	text,
} from './common';
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
	ctx.route('GET', '/groups', (params) =>
		listBody(
			'groups',
			paginate(
				filterBy(store.groups.values(), params, ['group_id']),
				idCursor('next_group_id', (g: GroupRec) => g.group_id),
				params,
			),
			(g) => ({ ...g }),
		),
	);

	ctx.route('POST', '/groups', (params) => {
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
		ctx.wrote('POST', '/groups', 'create', { group_id }, params);
		return created({ group_id });
	});

	ctx.route('PUT', '/groups', (params) => {
		const group = found(store.groups, params, 'group_id');
		const group_code = changedText(params, 'group_code', 100);
		if (
			group_code !== undefined &&
			[...store.groups.values()].some((g) => g.group_code === group_code && g !== group)
		)
			invalidParameter('group_code');
		assignSent(group, { group_code, group_name: changedText(params, 'group_name', 100) });
		group.updated_at = ctx.nowText();
		ctx.wrote('PUT', '/groups', 'update', { group_id: group.group_id }, params);
		return modified({ group_id: group.group_id });
	});

	ctx.route('DELETE', '/groups', (params) => {
		const { group_id } = found(store.groups, params, 'group_id');
		store.groups.delete(group_id);
		store.memberships = store.memberships.filter((m) => m.group_id !== group_id);
		ctx.wrote('DELETE', '/groups', 'delete', { group_id }, params);
		return deleted({ group_id });
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

	ctx.route('POST', '/users', (params) => {
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
		ctx.wrote('POST', '/users', 'create', { user_id }, params);
		return created({ user_id });
	});

	ctx.route('PUT', '/users', (params) => {
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
		ctx.wrote('PUT', '/users', 'update', { user_id: user.user_id }, params);
		return modified({ user_id: user.user_id });
	});

	ctx.route('DELETE', '/users', (params) => {
		const { user_id } = found(store.users, params, 'user_id');
		store.users.delete(user_id);
		store.memberships = store.memberships.filter((m) => m.user_id !== user_id);
		store.spotStaffs = store.spotStaffs.filter((s) => s.user_id !== user_id);
		ctx.wrote('DELETE', '/users', 'delete', { user_id }, params);
		return deleted({ user_id });
	});

	ctx.route('GET', '/user_tags', (params) =>
		listBody(
			'user_tags',
			paginate(
				[...store.userTags.values()],
				idCursor('next_user_tag_id', (t: { user_tag_id: string }) => t.user_tag_id),
				params,
			),
			(t) => ({ ...t }),
		),
	);

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
	const touchUser = (userId: string) => {
		const user = store.users.get(userId);
		if (user) user.updated_at = ctx.nowText();
	};

	ctx.route('GET', '/user_groups', (params) =>
		listBody(
			'user_groups',
			paginate(
				filterBy(store.memberships, params, ['user_id', 'group_id']),
				membershipCursor,
				params,
			),
			(m) => ctx.serialize.membership(m),
		),
	);

	ctx.route('POST', '/user_groups', (params) => {
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
		ctx.wrote('POST', '/user_groups', 'create', { user_id, group_id }, params);
		return created({ user_id, group_id });
	});

	ctx.route('PUT', '/user_groups', (params) => {
		const membership = membershipOf(params);
		const owner = params.flag('is_group_owner');
		if (owner === undefined) invalidParameter('is_group_owner');
		membership.is_group_owner = owner;
		touchUser(membership.user_id);
		const ids = { user_id: membership.user_id, group_id: membership.group_id };
		ctx.wrote('PUT', '/user_groups', 'update', ids, params);
		return modified(ids);
	});

	ctx.route('DELETE', '/user_groups', (params) => {
		const membership = membershipOf(params);
		store.memberships = store.memberships.filter((m) => m !== membership);
		touchUser(membership.user_id);
		const ids = { user_id: membership.user_id, group_id: membership.group_id };
		ctx.wrote('DELETE', '/user_groups', 'delete', ids, params);
		return deleted(ids);
	});
}

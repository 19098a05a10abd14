import { invalidParameter } from '../errors';
import { type Cursor } from '../paging';
import type { Params } from '../params';
import type { SpotCustomerStaffRec, SpotStaffRec, SpotTagLinkRec } from '../types';
import { assignSent, changedText, found, text } from './common';
import type { RouteContext } from './context';

const tagLinkCursor: Cursor<SpotTagLinkRec> = {
	keys: [
		{ param: 'next_spot_id', value: (l) => l.spot_id },
		{ param: 'next_spot_tag_id', value: (l) => l.spot_tag_id },
	],
};

const staffCursor: Cursor<SpotStaffRec> = {
	keys: [
		{ param: 'next_spot_id', value: (s) => s.spot_id },
		{ param: 'next_user_id', value: (s) => s.user_id },
	],
};

/** Contact fields of スポット顧客担当者 (§10.2 [proposed]). */
function customerStaffChanges(params: Params) {
	return {
		staff_name: changedText(params, 'staff_name', 100),
		staff_name_kana: text(params, 'staff_name_kana', 100),
		department: text(params, 'department', 100),
		position: text(params, 'position', 100),
		tel: text(params, 'tel', 30),
		email: text(params, 'email', 254),
		comment: text(params, 'comment', 1000),
	};
}

/**
 * Around a spot: スポットタグ情報 (`GET /spot_tags`, CONFIRMED), and the PROPOSED paths of
 * スポットとスポットタグの関連づけ, スポット自社担当者 and スポット顧客担当者 (§10.2).
 */
export function spotPeopleRoutes(ctx: RouteContext): void {
	const { store } = ctx;
	const touchSpot = (spotId: string) => ctx.touch(store.spots.get(spotId));

	ctx.list('/spot_tags', () => store.spotTags.values(), {
		filters: ['spot_tag_id', 'group_id'],
		id: 'spot_tag_id',
	});

	// ---- spot_tag_relations ---------------------------------------------------------------------
	ctx.list('/spot_tag_relations', () => store.spotTagLinks, {
		filters: ['spot_id', 'spot_tag_id'],
		cursor: tagLinkCursor,
	});

	ctx.route('POST', '/spot_tag_relations', (params, done) => {
		const { spot_id } = found(store.spots, params, 'spot_id');
		const { spot_tag_id } = found(store.spotTags, params, 'spot_tag_id');
		if (store.spotTagLinks.some((l) => l.spot_id === spot_id && l.spot_tag_id === spot_tag_id))
			invalidParameter('spot_tag_id');
		store.spotTagLinks.push({ spot_id, spot_tag_id, created_at: ctx.nowText() });
		touchSpot(spot_id);
		return done({ spot_id, spot_tag_id });
	});

	// Update replaces the spot's tag set; `spot_tag_id` may repeat or be comma-separated (§10.2).
	ctx.route('PUT', '/spot_tag_relations', (params, done) => {
		const { spot_id } = found(store.spots, params, 'spot_id');
		const tagIds = params.list('spot_tag_id');
		if (tagIds === undefined || tagIds.some((id) => !store.spotTags.has(id)))
			invalidParameter('spot_tag_id');
		const at = ctx.nowText();
		const kept = store.spotTagLinks.filter(
			(l) => l.spot_id === spot_id && tagIds.includes(l.spot_tag_id),
		);
		const added = [...new Set(tagIds)]
			.filter((id) => !kept.some((l) => l.spot_tag_id === id))
			.map((spot_tag_id) => ({ spot_id, spot_tag_id, created_at: at }));
		store.spotTagLinks = [
			...store.spotTagLinks.filter((l) => l.spot_id !== spot_id),
			...kept,
			...added,
		];
		touchSpot(spot_id);
		return done({ spot_id });
	});

	ctx.route('DELETE', '/spot_tag_relations', (params, done) => {
		const { spot_id } = found(store.spots, params, 'spot_id');
		const spot_tag_id = params.required('spot_tag_id');
		const before = store.spotTagLinks.length;
		store.spotTagLinks = store.spotTagLinks.filter(
			(l) => !(l.spot_id === spot_id && l.spot_tag_id === spot_tag_id),
		);
		if (store.spotTagLinks.length === before) invalidParameter('spot_tag_id');
		touchSpot(spot_id);
		return done({ spot_id, spot_tag_id });
	});

	// ---- spot_staffs (自社担当者) ------------------------------------------------------------------
	ctx.list('/spot_staffs', () => store.spotStaffs, {
		filters: ['spot_id', 'user_id'],
		cursor: staffCursor,
	});

	ctx.route('POST', '/spot_staffs', (params, done) => {
		const { spot_id } = found(store.spots, params, 'spot_id');
		const { user_id } = found(store.users, params, 'user_id');
		if (store.spotStaffs.some((s) => s.spot_id === spot_id && s.user_id === user_id))
			invalidParameter('user_id');
		store.spotStaffs.push({ spot_id, user_id, created_at: ctx.nowText() });
		touchSpot(spot_id);
		return done({ spot_id, user_id });
	});

	ctx.route('DELETE', '/spot_staffs', (params, done) => {
		const { spot_id } = found(store.spots, params, 'spot_id');
		const user_id = params.required('user_id');
		const before = store.spotStaffs.length;
		store.spotStaffs = store.spotStaffs.filter(
			(s) => !(s.spot_id === spot_id && s.user_id === user_id),
		);
		if (store.spotStaffs.length === before) invalidParameter('user_id');
		touchSpot(spot_id);
		return done({ spot_id, user_id });
	});

	// ---- spot_customer_staffs (顧客担当者) ---------------------------------------------------------
	ctx.list('/spot_customer_staffs', () => store.spotCustomerStaffs.values(), {
		filters: ['spot_customer_staff_id', 'spot_id'],
		id: 'spot_customer_staff_id',
	});

	ctx.route('POST', '/spot_customer_staffs', (params, done) => {
		const { spot_id } = found(store.spots, params, 'spot_id');
		const changes = customerStaffChanges(params);
		if (changes.staff_name === undefined) invalidParameter('staff_name');
		const at = ctx.nowText();
		const staff: SpotCustomerStaffRec = {
			spot_customer_staff_id: store.newId(),
			spot_id,
			staff_name: changes.staff_name,
			staff_name_kana: null,
			department: null,
			position: null,
			tel: null,
			email: null,
			comment: null,
			created_at: at,
			updated_at: at,
		};
		assignSent(staff, changes);
		store.spotCustomerStaffs.set(staff.spot_customer_staff_id, staff);
		const ids = { spot_customer_staff_id: staff.spot_customer_staff_id };
		return done(ids);
	});

	ctx.route('PUT', '/spot_customer_staffs', (params, done) => {
		const staff = found(store.spotCustomerStaffs, params, 'spot_customer_staff_id');
		const spot = params.has('spot_id') ? found(store.spots, params, 'spot_id') : undefined;
		assignSent(staff, { ...customerStaffChanges(params), spot_id: spot?.spot_id });
		ctx.touch(staff);
		const ids = { spot_customer_staff_id: staff.spot_customer_staff_id };
		return done(ids);
	});

	ctx.route('DELETE', '/spot_customer_staffs', (params, done) => {
		const { spot_customer_staff_id } = found(
			store.spotCustomerStaffs,
			params,
			'spot_customer_staff_id',
		);
		store.spotCustomerStaffs.delete(spot_customer_staff_id);
		return done({ spot_customer_staff_id });
	});
}

import { invalidParameter } from '../errors';
import type { Params } from '../params';
import { blankSpot, type CyzenStore } from '../store';
import type { SpotRec } from '../types';
import { inWindow, windowOf, type WindowRule } from '../windows';
import { assignSent, changedText, found, reference, text } from './common';
import type { RouteContext } from './context';

/** `GET /spots`: `updated_from`/`updated_to` ≤ 7 days; without them, every spot ([public code] PC1). */
const SPOT_WINDOW: WindowRule = {
	from: 'updated_from',
	to: 'updated_to',
	maxDays: 7,
	whenOmitted: 'all',
};

type SpotChanges = Partial<
	Omit<SpotRec, 'spot_id' | 'created_at' | 'updated_at' | 'create_user_id'>
>;

/**
 * The write fields of `POST`/`PUT /spots` (§9.5, [public code] PC1) mapped to the stored (read)
 * names: `kana_name` → `spot_name_kana`, `lat` → `latitude`, `lon` → `longitude`. The read names
 * sent on a write are unknown fields and, like any unknown field, silently ignored [proposed].
 */
function spotChanges(store: CyzenStore, params: Params): SpotChanges {
	const group = reference(store.groups, params, 'group_id');
	return {
		spot_code: text(params, 'spot_code', 100),
		spot_name: changedText(params, 'spot_name', 200),
		spot_name_kana: text(params, 'kana_name', 200),
		address: text(params, 'address', 500),
		zip_code: text(params, 'zip_code', 20),
		tel: text(params, 'tel', 30),
		fax: text(params, 'fax', 30),
		url: text(params, 'url', 1000),
		comment: text(params, 'comment', 1000),
		valid_from: params.time('valid_from'),
		valid_to: params.time('valid_to'),
		latitude: params.number('lat', -90, 90),
		longitude: params.number('lon', -180, 180),
		groupId: group === undefined ? undefined : (group?.group_id ?? null),
		extendData: params.jsonObject('extend_data'),
	};
}

/** `spot_tag_id` (one id, or several comma-separated [proposed]) replaces the spot's tags. */
function tagIdsOf(store: CyzenStore, params: Params): string[] | undefined {
	const ids = params.list('spot_tag_id');
	if (ids?.some((id) => !store.spotTags.has(id))) invalidParameter('spot_tag_id');
	return ids;
}

/** スポット情報 (§9.4–§9.6; `DELETE` PROPOSED). */
export function spotRoutes(ctx: RouteContext): void {
	const { store } = ctx;

	const setTags = (spotId: string, tagIds: string[] | undefined) => {
		if (tagIds === undefined) return;
		const at = ctx.nowText();
		store.spotTagLinks = [
			...store.spotTagLinks.filter((l) => l.spot_id !== spotId),
			...[...new Set(tagIds)].map((spot_tag_id) => ({
				spot_id: spotId,
				spot_tag_id,
				created_at: at,
			})),
		];
	};

	const codeTaken = (code: string | null | undefined, except?: SpotRec): SpotRec | undefined => {
		if (!code) return undefined;
		const holder = store.spotByCode(code);
		return holder && holder !== except ? holder : undefined;
	};

	const update = (spot: SpotRec, changes: SpotChanges, tagIds: string[] | undefined) => {
		if (codeTaken(changes.spot_code, spot)) invalidParameter('spot_code');
		assignSent(spot, changes);
		setTags(spot.spot_id, tagIds);
		ctx.touch(spot);
	};

	const spots = (params: Params) => {
		const window = windowOf(params, SPOT_WINDOW, ctx.now());
		const code = params.string('spot_code');
		return [...store.spots.values()].filter(
			(s) =>
				inWindow(s.updated_at, window) &&
				(!code || s.spot_code?.toLowerCase() === code.toLowerCase()),
		);
	};
	ctx.list('/spots', spots, {
		filters: ['spot_id'],
		id: 'spot_id',
		serialize: (s) => ctx.serialize.spot(s),
	});

	ctx.route('POST', '/spots', (params, done) => {
		const changes = spotChanges(store, params);
		const tagIds = tagIdsOf(store, params);
		const holder = codeTaken(changes.spot_code);
		if (holder) {
			// The UI's bulk import updates a spot whose code exists [vendor doc]; whether POST does is
			// not published: 'reject' (default) answers 400, 'upsert' updates.
			if (ctx.switches.spotCodeConflict === 'reject') invalidParameter('spot_code');
			update(holder, changes, tagIds);
			return done({ spot_id: holder.spot_id }, { upsert: true });
		}
		if (changes.spot_name === undefined) invalidParameter('spot_name');
		const at = ctx.nowText();
		const spot = blankSpot(store.newId(), changes.spot_name, at);
		assignSent(spot, changes);
		store.spots.set(spot.spot_id, spot);
		setTags(spot.spot_id, tagIds);
		return done({ spot_id: spot.spot_id });
	});

	ctx.route('PUT', '/spots', (params, done) => {
		// The path has no id: `spot_id` goes in the form body ([public code] PC1).
		if (!params.inBody('spot_id')) invalidParameter('spot_id');
		const spot = found(store.spots, params, 'spot_id');
		update(spot, spotChanges(store, params), tagIdsOf(store, params));
		return done({ spot_id: spot.spot_id });
	});

	ctx.route('DELETE', '/spots', (params, done) => {
		const { spot_id } = found(store.spots, params, 'spot_id');
		store.spots.delete(spot_id);
		store.spotTagLinks = store.spotTagLinks.filter((l) => l.spot_id !== spot_id);
		store.spotStaffs = store.spotStaffs.filter((s) => s.spot_id !== spot_id);
		for (const staff of [...store.spotCustomerStaffs.values()])
			if (staff.spot_id === spot_id) store.spotCustomerStaffs.delete(staff.spot_customer_staff_id);
		return done({ spot_id });
	});
}

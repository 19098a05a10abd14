import { invalidParameter } from '../errors';
import { found } from './common';
import type { RouteContext } from './context';

/**
 * The PROPOSED photo and classification paths (§10.2): スポット写真情報, スポット写真タグ情報,
 * 写真ごとの情報 (メタデータ), スポット仕分け構造情報 and its definitions.
 */
export function spotMediaRoutes(ctx: RouteContext): void {
	const { store } = ctx;

	ctx.list('/spot_photos', () => store.spotPhotos.values(), {
		filters: ['spot_photo_id', 'spot_id'],
		id: 'spot_photo_id',
		serialize: (p) => ctx.serialize.spotPhoto(p),
	});

	ctx.route('DELETE', '/spot_photos', (params, done) => {
		const { spot_photo_id } = found(store.spotPhotos, params, 'spot_photo_id');
		store.spotPhotos.delete(spot_photo_id);
		store.spotPhotoMetadata.delete(spot_photo_id);
		return done({ spot_photo_id });
	});

	ctx.list('/spot_photo_tags', () => store.spotPhotoTags.values(), {
		filters: ['spot_photo_tag_id'],
		id: 'spot_photo_tag_id',
	});

	ctx.route('DELETE', '/spot_photo_tags', (params, done) => {
		const { spot_photo_tag_id } = found(store.spotPhotoTags, params, 'spot_photo_tag_id');
		store.spotPhotoTags.delete(spot_photo_tag_id);
		for (const photo of store.spotPhotos.values()) {
			if (!photo.tagIds.includes(spot_photo_tag_id)) continue;
			photo.tagIds = photo.tagIds.filter((id) => id !== spot_photo_tag_id);
			ctx.touch(photo);
		}
		return done({ spot_photo_tag_id });
	});

	ctx.list('/spot_photo_metadata', () => store.spotPhotoMetadata.values(), {
		filters: ['spot_photo_id'],
		id: 'spot_photo_id',
		serialize: (m) => ({ spot_photo_id: m.spot_photo_id, metadata: { ...m.metadata } }),
	});

	// `metadata` is a JSON-encoded object in the form, like `extend_data` on spots (§10.2).
	ctx.route('PUT', '/spot_photo_metadata', (params, done) => {
		const photo = found(store.spotPhotos, params, 'spot_photo_id');
		const metadata = params.jsonObject('metadata');
		if (!metadata) invalidParameter('metadata');
		store.spotPhotoMetadata.set(photo.spot_photo_id, {
			spot_photo_id: photo.spot_photo_id,
			metadata,
		});
		ctx.touch(photo);
		return done({ spot_photo_id: photo.spot_photo_id });
	});

	ctx.list('/spot_classification_definitions', () => store.spotClassificationDefinitions.values(), {
		filters: ['spot_classification_definition_id'],
		id: 'spot_classification_definition_id',
		serialize: (d) => ({ ...d, levels: [...d.levels] }),
	});

	ctx.list('/spot_classifications', () => store.spotClassifications.values(), {
		filters: ['spot_classification_id', 'spot_id', 'spot_classification_definition_id'],
		id: 'spot_classification_id',
		serialize: (c) => ({ ...c, values: [...c.values] }),
	});

	// [proposed] `values`: one value per level, repeated or comma-separated; no more than the
	// definition has levels.
	ctx.route('PUT', '/spot_classifications', (params, done) => {
		const classification = found(store.spotClassifications, params, 'spot_classification_id');
		const values = params.list('values');
		const levels =
			store.spotClassificationDefinitions.get(classification.spot_classification_definition_id)
				?.levels ?? [];
		if (values === undefined || values.length > levels.length) invalidParameter('values');
		classification.values = values;
		ctx.touch(classification);
		const ids = { spot_classification_id: classification.spot_classification_id };
		return done(ids);
	});
}

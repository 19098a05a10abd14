import { invalidParameter } from '../errors';
import { idCursor, listBody, paginate } from '../paging';
import type {
	SpotClassificationDefinitionRec,
	SpotClassificationRec,
	SpotPhotoMetadataRec,
	SpotPhotoRec,
	SpotPhotoTagRec,
} from '../types';
import { deleted, filterBy, found, modified } from './common';
import type { RouteContext } from './context';

/**
 * The PROPOSED photo and classification paths (§10.2): スポット写真情報, スポット写真タグ情報,
 * 写真ごとの情報 (メタデータ), スポット仕分け構造情報 and its definitions.
 */
export function spotMediaRoutes(ctx: RouteContext): void {
	const { store } = ctx;

	ctx.route('GET', '/spot_photos', (params) =>
		listBody(
			'spot_photos',
			paginate(
				filterBy(store.spotPhotos.values(), params, ['spot_photo_id', 'spot_id']),
				idCursor('next_spot_photo_id', (p: SpotPhotoRec) => p.spot_photo_id),
				params,
			),
			(p) => ctx.serialize.spotPhoto(p),
		),
	);

	ctx.route('DELETE', '/spot_photos', (params) => {
		const { spot_photo_id } = found(store.spotPhotos, params, 'spot_photo_id');
		store.spotPhotos.delete(spot_photo_id);
		store.spotPhotoMetadata.delete(spot_photo_id);
		ctx.wrote('DELETE', '/spot_photos', 'delete', { spot_photo_id }, params);
		return deleted({ spot_photo_id });
	});

	ctx.route('GET', '/spot_photo_tags', (params) =>
		listBody(
			'spot_photo_tags',
			paginate(
				filterBy(store.spotPhotoTags.values(), params, ['spot_photo_tag_id']),
				idCursor('next_spot_photo_tag_id', (t: SpotPhotoTagRec) => t.spot_photo_tag_id),
				params,
			),
			(t) => ({ ...t }),
		),
	);

	ctx.route('DELETE', '/spot_photo_tags', (params) => {
		const { spot_photo_tag_id } = found(store.spotPhotoTags, params, 'spot_photo_tag_id');
		store.spotPhotoTags.delete(spot_photo_tag_id);
		for (const photo of store.spotPhotos.values()) {
			if (!photo.tagIds.includes(spot_photo_tag_id)) continue;
			photo.tagIds = photo.tagIds.filter((id) => id !== spot_photo_tag_id);
			photo.updated_at = ctx.nowText();
		}
		ctx.wrote('DELETE', '/spot_photo_tags', 'delete', { spot_photo_tag_id }, params);
		return deleted({ spot_photo_tag_id });
	});

	ctx.route('GET', '/spot_photo_metadata', (params) =>
		listBody(
			'spot_photo_metadata',
			paginate(
				filterBy(store.spotPhotoMetadata.values(), params, ['spot_photo_id']),
				idCursor('next_spot_photo_id', (m: SpotPhotoMetadataRec) => m.spot_photo_id),
				params,
			),
			(m) => ({ spot_photo_id: m.spot_photo_id, metadata: { ...m.metadata } }),
		),
	);

	// `metadata` is a JSON-encoded object in the form, like `extend_data` on spots (§10.2).
	ctx.route('PUT', '/spot_photo_metadata', (params) => {
		const photo = found(store.spotPhotos, params, 'spot_photo_id');
		const metadata = params.jsonObject('metadata');
		if (!metadata) invalidParameter('metadata');
		store.spotPhotoMetadata.set(photo.spot_photo_id, {
			spot_photo_id: photo.spot_photo_id,
			metadata,
		});
		photo.updated_at = ctx.nowText();
		ctx.wrote(
			'PUT',
			'/spot_photo_metadata',
			'update',
			{ spot_photo_id: photo.spot_photo_id },
			params,
		);
		return modified({ spot_photo_id: photo.spot_photo_id });
	});

	ctx.route('GET', '/spot_classification_definitions', (params) =>
		listBody(
			'spot_classification_definitions',
			paginate(
				filterBy(store.spotClassificationDefinitions.values(), params, [
					'spot_classification_definition_id',
				]),
				idCursor(
					'next_spot_classification_definition_id',
					(d: SpotClassificationDefinitionRec) => d.spot_classification_definition_id,
				),
				params,
			),
			(d) => ({ ...d, levels: [...d.levels] }),
		),
	);

	ctx.route('GET', '/spot_classifications', (params) =>
		listBody(
			'spot_classifications',
			paginate(
				filterBy(store.spotClassifications.values(), params, [
					'spot_classification_id',
					'spot_id',
					'spot_classification_definition_id',
				]),
				idCursor(
					'next_spot_classification_id',
					(c: SpotClassificationRec) => c.spot_classification_id,
				),
				params,
			),
			(c) => ({ ...c, values: [...c.values] }),
		),
	);

	// [proposed] `values`: one value per level, repeated or comma-separated; no more than the
	// definition has levels.
	ctx.route('PUT', '/spot_classifications', (params) => {
		const classification = found(store.spotClassifications, params, 'spot_classification_id');
		const values = params.list('values');
		const levels =
			store.spotClassificationDefinitions.get(classification.spot_classification_definition_id)
				?.levels ?? [];
		if (values === undefined || values.length > levels.length) invalidParameter('values');
		classification.values = values;
		classification.updated_at = ctx.nowText();
		const ids = { spot_classification_id: classification.spot_classification_id };
		ctx.wrote('PUT', '/spot_classifications', 'update', ids, params);
		return modified(ids);
	});
}

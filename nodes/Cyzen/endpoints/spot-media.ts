import { field, idField, operationOf, type CyzenObject } from './common';
import type { CyzenEndpoint } from './schema';

const PHOTO: CyzenObject = {
	resource: 'spotPhoto',
	singular: 'spot photo',
	plural: 'spot photos',
	label: 'スポット写真情報',
	path: '/spot_photos',
};
const PHOTO_TAG: CyzenObject = {
	resource: 'spotPhotoTag',
	singular: 'spot photo tag',
	plural: 'spot photo tags',
	label: 'スポット写真タグ情報',
	path: '/spot_photo_tags',
};
const METADATA: CyzenObject = {
	resource: 'spotPhotoMetadata',
	singular: 'photo metadata record',
	plural: 'photo metadata records',
	label: 'スポット写真情報の写真ごとの情報 (メタデータ)',
	path: '/spot_photo_metadata',
};
const CLASSIFICATION: CyzenObject = {
	resource: 'spotClassification',
	singular: 'spot classification',
	plural: 'spot classifications',
	label: 'スポット仕分け構造情報',
	path: '/spot_classifications',
};
const DEFINITION: CyzenObject = {
	resource: 'spotClassificationDefinition',
	singular: 'classification definition',
	plural: 'classification definitions',
	label: 'スポット仕分け構造定義情報',
	path: '/spot_classification_definitions',
};

const photoId = (required: boolean) => idField('spot_photo_id', 'Spot Photo ID', { required });

export const spotMediaEndpoints: CyzenEndpoint[] = [
	operationOf(PHOTO, 'getAll', 'PROPOSED', { query: [idField('spot_id', 'Spot'), photoId(false)] }),
	operationOf(PHOTO, 'delete', 'PROPOSED', { query: [photoId(true)] }),
	operationOf(PHOTO_TAG, 'getAll', 'PROPOSED', {
		query: [idField('spot_photo_tag_id', 'Spot Photo Tag ID')],
	}),
	operationOf(PHOTO_TAG, 'delete', 'PROPOSED', {
		query: [idField('spot_photo_tag_id', 'Spot Photo Tag ID', { required: true })],
	}),
	operationOf(METADATA, 'getAll', 'PROPOSED', { query: [photoId(false)] }),
	operationOf(METADATA, 'update', 'PROPOSED', {
		body: [
			photoId(true),
			field('metadata', 'Metadata', 'json', {
				required: true,
				description: "The photo's metadata as a JSON object; sent as a JSON string",
			}),
		],
	}),
	operationOf(CLASSIFICATION, 'getAll', 'PROPOSED', {
		query: [
			idField('spot_id', 'Spot'),
			idField('spot_classification_id', 'Classification ID'),
			idField('spot_classification_definition_id', 'Classification Definition ID'),
		],
	}),
	operationOf(CLASSIFICATION, 'update', 'PROPOSED', {
		body: [
			idField('spot_classification_id', 'Classification ID', { required: true }),
			field('values', 'Values', 'string', {
				required: true,
				description: 'One value per level of the definition, comma-separated',
			}),
		],
	}),
	operationOf(DEFINITION, 'getAll', 'PROPOSED', {
		query: [idField('spot_classification_definition_id', 'Classification Definition ID')],
	}),
];

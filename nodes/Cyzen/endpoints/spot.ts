import { field, idField, windowBound } from './common';
import type { CyzenEndpoint, FieldSpec } from './schema';

/**
 * [public code] PC1: spots are written with `kana_name`, `lat`, `lon` but read back as
 * `spot_name_kana`, `latitude`, `longitude`. The node's parameters carry the read names (what a
 * user sees on a spot they fetched); the table sends the write names. The only place this lives.
 */
const WRITE_NAMES: FieldSpec[] = [
	field('kana_name', 'Name Kana (フリガナ)', 'string', { parameter: 'spotNameKana' }),
	field('lat', 'Latitude', 'number', { parameter: 'latitude' }),
	field('lon', 'Longitude', 'number', { parameter: 'longitude' }),
];

const spotWriteFields = (codeRequired: boolean): FieldSpec[] => [
	field('spot_code', 'Spot Code (スポットコード)', 'string', {
		required: codeRequired,
		description: 'Unique per company, ignoring case (A001 = a001)',
	}),
	field('spot_name', 'Spot Name (スポット名)', 'string', { required: codeRequired }),
	...WRITE_NAMES,
	field('address', 'Address (住所)', 'string'),
	field('zip_code', 'Zip Code', 'string', { description: 'Kept as text (leading zeros)' }),
	field('tel', 'Phone', 'string'),
	field('fax', 'Fax', 'string'),
	field('url', 'URL', 'string'),
	field('comment', 'Comment', 'string'),
	field('valid_from', 'Valid From', 'dateTime'),
	field('valid_to', 'Valid To', 'dateTime'),
	idField('group_id', 'Group'),
	idField('spot_tag_id', 'Spot Tag', { description: "Replaces the spot's tags with this one" }),
	field('extend_data', 'Extended Data', 'json', {
		description: 'Custom items as a JSON object; sent as a JSON string',
	}),
];

export const spotEndpoints: CyzenEndpoint[] = [
	{
		resource: 'spot',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many spots',
		description:
			'List spots (スポット情報). With an update range it is split into 7-day windows; without one every spot comes back.',
		title: 'スポット情報 取得',
		method: 'GET',
		path: '/spots',
		status: 'CONFIRMED',
		paged: { listKey: 'spots' },
		window: { from: 'updated_from', to: 'updated_to', days: 7 },
		idKeys: ['spot_id'],
		query: [
			field('spot_code', 'Spot Code (スポットコード)', 'string', {
				description: 'Matches ignoring case',
			}),
			windowBound(
				'updated_from',
				'Updated From',
				'Spots updated at or after this time (any length: split into 7-day windows)',
			),
			windowBound('updated_to', 'Updated To', 'Spots updated at or before this time; default now'),
		],
	},
	{
		resource: 'spot',
		operation: 'get',
		name: 'Get',
		action: 'Get a spot',
		description: 'Read one spot by its ID',
		title: 'スポット情報 取得',
		method: 'GET',
		path: '/spots',
		status: 'CONFIRMED',
		listKey: 'spots',
		query: [idField('spot_id', 'Spot', { required: true })],
	},
	{
		resource: 'spot',
		operation: 'create',
		name: 'Create',
		action: 'Create a spot',
		description: 'Register a spot; a code already in use is refused by cyzen',
		title: 'スポット情報 登録',
		method: 'POST',
		path: '/spots',
		status: 'CONFIRMED',
		body: spotWriteFields(true),
	},
	{
		resource: 'spot',
		operation: 'update',
		name: 'Update',
		action: 'Update a spot',
		description: 'Change a spot (the spot ID travels in the form body)',
		title: 'スポット情報 更新',
		method: 'PUT',
		path: '/spots',
		status: 'CONFIRMED',
		// [public code] PC1: PUT /spots needs spot_id in the body; the path has no id.
		body: [idField('spot_id', 'Spot', { required: true }), ...spotWriteFields(false)],
	},
	{
		resource: 'spot',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a spot',
		description: 'Delete a spot',
		title: 'スポット情報 削除',
		method: 'DELETE',
		path: '/spots',
		status: 'PROPOSED',
		query: [idField('spot_id', 'Spot', { required: true })],
	},
];

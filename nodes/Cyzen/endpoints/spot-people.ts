import { field, idField, operationOf, type CyzenObject } from './common';
import type { CyzenEndpoint, FieldSpec } from './schema';

const SPOT_TAG: CyzenObject = {
	resource: 'spotTag',
	singular: 'spot tag',
	plural: 'spot tags',
	label: 'スポットタグ情報',
	path: '/spot_tags',
};
const TAG_RELATION: CyzenObject = {
	resource: 'spotTagRelation',
	singular: 'spot tag link',
	plural: 'spot tag links',
	label: 'スポットとスポットタグの関連づけ',
	path: '/spot_tag_relations',
};
const SPOT_STAFF: CyzenObject = {
	resource: 'spotStaff',
	singular: 'spot staff member',
	plural: 'spot staff members',
	label: 'スポット自社担当者',
	path: '/spot_staffs',
};
const CUSTOMER_STAFF: CyzenObject = {
	resource: 'spotCustomerStaff',
	singular: 'spot customer contact',
	plural: 'spot customer contacts',
	label: 'スポット顧客担当者',
	path: '/spot_customer_staffs',
};

const spotId = idField('spot_id', 'Spot', { required: true });
const spotTagId = idField('spot_tag_id', 'Spot Tag', { required: true });
const userId = idField('user_id', 'User', {
	required: true,
	description: 'The cyzen user in charge (自社担当者)',
});

const contactFields = (required: boolean): FieldSpec[] => [
	field('staff_name', 'Contact Name (担当者名)', 'string', { required }),
	field('staff_name_kana', 'Contact Name Kana', 'string'),
	field('department', 'Department (部署)', 'string'),
	field('position', 'Position (役職)', 'string'),
	field('tel', 'Phone', 'string'),
	field('email', 'Email', 'string'),
	field('comment', 'Comment', 'string'),
];

export const spotPeopleEndpoints: CyzenEndpoint[] = [
	operationOf(SPOT_TAG, 'getAll', 'CONFIRMED', { query: [idField('group_id', 'Group')] }),
	operationOf(TAG_RELATION, 'getAll', 'EMBEDDED', {
		description:
			'List which tags each spot has. The same data comes inside Get Many spots (spot_tags).',
		query: [idField('spot_id', 'Spot'), idField('spot_tag_id', 'Spot Tag')],
	}),
	operationOf(TAG_RELATION, 'create', 'PROPOSED', { body: [spotId, spotTagId] }),
	operationOf(TAG_RELATION, 'update', 'PROPOSED', {
		description: "Replace a spot's tags with these (スポットとスポットタグの関連づけ)",
		body: [
			spotId,
			field('spot_tag_id', 'Spot Tag IDs', 'idList', {
				parameter: 'spotTagIds',
				stringId: true,
				required: true,
				description: "The spot's whole new tag set",
			}),
		],
	}),
	operationOf(TAG_RELATION, 'delete', 'PROPOSED', { query: [spotId, spotTagId] }),
	operationOf(SPOT_STAFF, 'getAll', 'PROPOSED', {
		query: [idField('spot_id', 'Spot'), idField('user_id', 'User')],
	}),
	operationOf(SPOT_STAFF, 'create', 'PROPOSED', { body: [spotId, userId] }),
	operationOf(SPOT_STAFF, 'delete', 'PROPOSED', { query: [spotId, userId] }),
	operationOf(CUSTOMER_STAFF, 'getAll', 'PROPOSED', {
		idKeys: ['spot_customer_staff_id'],
		query: [idField('spot_id', 'Spot'), idField('spot_customer_staff_id', 'Contact ID')],
	}),
	operationOf(CUSTOMER_STAFF, 'create', 'PROPOSED', { body: [spotId, ...contactFields(true)] }),
	operationOf(CUSTOMER_STAFF, 'update', 'PROPOSED', {
		body: [
			idField('spot_customer_staff_id', 'Contact ID', { required: true }),
			idField('spot_id', 'Spot'),
			...contactFields(false),
		],
	}),
	operationOf(CUSTOMER_STAFF, 'delete', 'PROPOSED', {
		query: [idField('spot_customer_staff_id', 'Contact ID', { required: true })],
	}),
];

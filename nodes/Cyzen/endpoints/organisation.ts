import { field, flag, idField, operationOf, type CyzenObject } from './common';
import type { CyzenEndpoint, FieldSpec } from './schema';

const GROUP: CyzenObject = {
	resource: 'group',
	singular: 'group',
	plural: 'groups',
	label: 'グループ情報',
	path: '/groups',
};
const USER: CyzenObject = {
	resource: 'user',
	singular: 'user',
	plural: 'users',
	label: 'ユーザー情報',
	path: '/users',
};
const USER_GROUP: CyzenObject = {
	resource: 'userGroup',
	singular: 'group membership',
	plural: 'group memberships',
	label: 'ユーザー所属情報',
	path: '/user_groups',
};
const USER_TAG: CyzenObject = {
	resource: 'userTag',
	singular: 'member attribute',
	plural: 'member attributes',
	label: 'メンバー属性',
	path: '/user_tags',
};
const STATUS: CyzenObject = {
	resource: 'status',
	singular: 'status',
	plural: 'statuses',
	label: 'ステータス情報',
	path: '/statuses',
};
const ACTION_TYPE: CyzenObject = {
	resource: 'actionType',
	singular: 'action type',
	plural: 'action types',
	label: '行動種別情報',
	path: '/action_types',
};

const groupFields = (required: boolean): FieldSpec[] => [
	field('group_code', 'Group Code (グループコード)', 'string', { required }),
	field('group_name', 'Group Name (グループ名)', 'string', { required }),
];

const userFields = (required: boolean): FieldSpec[] => [
	field('user_login_id', 'Login ID (ログインID)', 'string', { required }),
	field('user_name', 'User Name (ユーザー名)', 'string', { required }),
	field('user_code', 'User Code (ユーザーコード)', 'string'),
	flag('account_status', 'Active', 'the account is active (1) rather than suspended (0)'),
	idField('group_id', 'Group'),
];

const isGroupOwner = flag(
	'is_group_owner',
	'Group Owner',
	'the user owns the group (グループオーナー)',
);

/** [public code] PC2, PC3: `field=all` adds user_tags; some tenants refuse it (spec §11.7). */
const USER_TAGS = { field: 'all' };

export const organisationEndpoints: CyzenEndpoint[] = [
	operationOf(GROUP, 'getAll', 'CONFIRMED', {
		idKeys: ['group_id'],
		query: [idField('group_id', 'Group')],
	}),
	operationOf(GROUP, 'create', 'PROPOSED', { body: groupFields(true) }),
	operationOf(GROUP, 'update', 'PROPOSED', {
		body: [idField('group_id', 'Group', { required: true }), ...groupFields(false)],
	}),
	operationOf(GROUP, 'delete', 'PROPOSED', {
		query: [idField('group_id', 'Group', { required: true })],
	}),
	operationOf(USER, 'getAll', 'CONFIRMED', {
		description:
			'List users with their groups and member attributes (ユーザー情報, field=all; without it where the tenant refuses it)',
		idKeys: ['user_id'],
		fallbackQuery: USER_TAGS,
		query: [idField('user_id', 'User')],
	}),
	operationOf(USER, 'create', 'PROPOSED', { body: userFields(true) }),
	operationOf(USER, 'update', 'PROPOSED', {
		body: [idField('user_id', 'User', { required: true }), ...userFields(false)],
	}),
	operationOf(USER, 'delete', 'PROPOSED', {
		query: [idField('user_id', 'User', { required: true })],
	}),
	operationOf(USER_GROUP, 'getAll', 'EMBEDDED', {
		description:
			'List group memberships (ユーザー所属情報). The same data comes inside Get Many users (groups[]).',
		query: [idField('user_id', 'User'), idField('group_id', 'Group')],
	}),
	operationOf(USER_GROUP, 'create', 'PROPOSED', {
		body: [
			idField('user_id', 'User', { required: true }),
			idField('group_id', 'Group', { required: true }),
			isGroupOwner,
		],
	}),
	operationOf(USER_GROUP, 'update', 'PROPOSED', {
		body: [
			idField('user_id', 'User', { required: true }),
			idField('group_id', 'Group', { required: true }),
			{ ...isGroupOwner, required: true },
		],
	}),
	operationOf(USER_GROUP, 'delete', 'PROPOSED', {
		query: [
			idField('user_id', 'User', { required: true }),
			idField('group_id', 'Group', { required: true }),
		],
	}),
	operationOf(USER_TAG, 'getAll', 'CONFIRMED'),
	operationOf(STATUS, 'getAll', 'CONFIRMED'),
	operationOf(ACTION_TYPE, 'getAll', 'PROPOSED', { query: [idField('group_id', 'Group')] }),
];

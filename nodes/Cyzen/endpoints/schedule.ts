import { field, flag, idField, operationOf, windowBound, type CyzenObject } from './common';
import type { CyzenEndpoint, FieldSpec } from './schema';

const scheduleWriteFields = (required: boolean): FieldSpec[] => [
	field('start_date', 'Start', 'dateTime', { required }),
	field('end_date', 'End', 'dateTime', { required }),
	field('title', 'Title (タイトル)', 'string', { required }),
	idField('group_id', 'Group'),
	idField('spot_id', 'Spot'),
	field('members', 'Member User IDs', 'idList', {
		parameter: 'memberUserIds',
		stringId: true,
		description: 'Users taking part (予定のメンバー), comma-separated IDs',
	}),
	field('detail', 'Detail (詳細)', 'string', { description: 'At most 500 characters' }),
	flag('all_day', 'All Day', 'the schedule lasts all day (終日)'),
];

const MEMBER: CyzenObject = {
	resource: 'scheduleMember',
	singular: 'schedule member',
	plural: 'schedule members',
	label: '予定のメンバー',
	path: '/schedule_members',
};
const scheduleId = idField('schedule_id', 'Schedule', { required: true });

export const scheduleEndpoints: CyzenEndpoint[] = [
	{
		resource: 'schedule',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many schedules',
		description:
			'List schedules (予定情報) starting in a range, split into 7-day windows. A window cyzen answers 500 for is retried day by day; days that still fail are skipped and listed on the output.',
		title: '予定情報 取得',
		method: 'GET',
		path: '/schedules',
		status: 'CONFIRMED',
		paged: { listKey: 'schedules' },
		window: { from: 'from_date', to: 'to_date', days: 7, degradeByDay: true },
		idKeys: ['schedule_id'],
		query: [
			windowBound(
				'from_date',
				'From',
				'Schedules starting at or after this time (any length: split into 7-day windows)',
			),
			windowBound('to_date', 'To', 'Schedules starting at or before this time; default now'),
			flag('get_deleted', 'Include Deleted', 'deleted schedules are included (with deleted_at)'),
			flag(
				'with_actual',
				'With Actuals',
				'the reports filed against each schedule are added (schedule_actual)',
			),
		],
	},
	{
		resource: 'schedule',
		operation: 'create',
		name: 'Create',
		action: 'Create a schedule',
		description: 'Create a schedule, with its members',
		title: '予定情報 登録',
		method: 'POST',
		path: '/schedules',
		status: 'CONFIRMED',
		body: scheduleWriteFields(true),
	},
	{
		resource: 'schedule',
		operation: 'update',
		name: 'Update',
		action: 'Update a schedule',
		description: 'Change a schedule (the schedule ID travels in the form body)',
		title: '予定情報 更新',
		method: 'PUT',
		path: '/schedules',
		status: 'PROPOSED',
		body: [idField('schedule_id', 'Schedule', { required: true }), ...scheduleWriteFields(false)],
	},
	{
		resource: 'schedule',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a schedule',
		description: 'Delete a schedule (cyzen keeps it as deleted)',
		title: '予定情報 削除',
		method: 'DELETE',
		path: '/schedules',
		status: 'PROPOSED',
		query: [idField('schedule_id', 'Schedule', { required: true })],
	},
	operationOf(MEMBER, 'getAll', 'EMBEDDED', {
		description:
			'List who takes part in which schedule. The same data comes inside Get Many schedules (users[]).',
		query: [idField('schedule_id', 'Schedule'), idField('user_id', 'User')],
	}),
	operationOf(MEMBER, 'create', 'EMBEDDED', {
		description:
			'Add a user to a schedule. Members can also be given when creating the schedule (members).',
		body: [scheduleId, idField('user_id', 'User', { required: true })],
	}),
	operationOf(MEMBER, 'update', 'PROPOSED', {
		description: "Replace a schedule's members with these users",
		body: [
			scheduleId,
			field('user_id', 'Member User IDs', 'idList', {
				parameter: 'memberUserIds',
				stringId: true,
				required: true,
			}),
		],
	}),
	operationOf(MEMBER, 'delete', 'PROPOSED', {
		query: [scheduleId, idField('user_id', 'User', { required: true })],
	}),
];

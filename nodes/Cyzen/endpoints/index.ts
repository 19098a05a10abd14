import { activityEndpoints } from './activity';
import { customApiCall } from './custom-api-call';
import { organisationEndpoints } from './organisation';
import { reportEndpoints } from './report';
import { scheduleEndpoints } from './schedule';
import type { CyzenEndpoint, ResourceSpec } from './schema';
import { spotEndpoints } from './spot';
import { spotMediaEndpoints } from './spot-media';
import { spotPeopleEndpoints } from './spot-people';

/** Every operation of the node: spec §10's 54, `GET /user_tags`, a single-spot Get and Custom API Call. */
export const OPERATIONS: CyzenEndpoint[] = [
	...spotEndpoints,
	...spotPeopleEndpoints,
	...spotMediaEndpoints,
	...reportEndpoints,
	...scheduleEndpoints,
	...activityEndpoints,
	...organisationEndpoints,
	customApiCall,
];

/** The Resource dropdown's entries, in the order of the overview's matrix (the engine sorts them by name). */
export const RESOURCES: ResourceSpec[] = [
	{
		value: 'spot',
		name: 'Spot (スポット)',
		description: 'Customer sites and places (スポット情報)',
	},
	{
		value: 'spotCustomerStaff',
		name: 'Spot Customer Contact',
		description: 'Contacts at a spot (スポット顧客担当者)',
	},
	{
		value: 'spotStaff',
		name: 'Spot Staff',
		description: 'Your users in charge of a spot (スポット自社担当者)',
	},
	{ value: 'spotTag', name: 'Spot Tag', description: 'Spot tags (スポットタグ情報)' },
	{
		value: 'spotTagRelation',
		name: 'Spot Tag Link',
		description: 'Which tags a spot has (スポットとスポットタグの関連づけ)',
	},
	{ value: 'spotPhoto', name: 'Spot Photo', description: 'Photos of spots (スポット写真情報)' },
	{
		value: 'spotPhotoTag',
		name: 'Spot Photo Tag',
		description: 'Tags of spot photos (スポット写真タグ情報)',
	},
	{
		value: 'spotPhotoMetadata',
		name: 'Spot Photo Metadata',
		description: 'Per-photo metadata (写真ごとの情報)',
	},
	{
		value: 'spotClassification',
		name: 'Spot Classification',
		description: 'Sorting structure of spots (スポット仕分け構造情報)',
	},
	{
		value: 'spotClassificationDefinition',
		name: 'Spot Classification Definition',
		description: 'Definitions of sorting structures (スポット仕分け構造定義情報)',
	},
	{
		value: 'report',
		name: 'Report (報告書)',
		description: 'Filed reports, e.g. visit reports and daily reports (報告書)',
	},
	{
		value: 'reportDefinition',
		name: 'Report Definition',
		description: 'Report formats (報告書定義情報)',
	},
	{ value: 'image', name: 'Image', description: 'Images attached to reports (画像)' },
	{ value: 'schedule', name: 'Schedule (予定)', description: 'Schedules and visits (予定情報)' },
	{
		value: 'scheduleMember',
		name: 'Schedule Member',
		description: 'Who takes part in a schedule (予定のメンバー)',
	},
	{
		value: 'history',
		name: 'Stamp History',
		description: 'Status stamps and check-ins (履歴情報 打刻情報)',
	},
	{
		value: 'tracking',
		name: 'Route History',
		description: 'Auto-recorded positions (履歴情報 自動記録位置情報)',
	},
	{
		value: 'memberStatus',
		name: 'Latest Position',
		description: 'Latest position per user (ユーザーごとの最新位置)',
	},
	{
		value: 'transportationExpense',
		name: 'Transportation Expense',
		description: 'Travel expenses (交通費情報)',
	},
	{ value: 'user', name: 'User', description: 'Users (ユーザー情報)' },
	{
		value: 'userGroup',
		name: 'User Group Membership',
		description: 'Which groups a user belongs to (ユーザー所属情報)',
	},
	{ value: 'userTag', name: 'Member Attribute', description: 'Member attributes (メンバー属性)' },
	{ value: 'group', name: 'Group', description: 'Groups (グループ情報)' },
	{
		value: 'status',
		name: 'Status',
		description: 'Stamp statuses, e.g. 訪問開始 (ステータス情報)',
	},
	{ value: 'actionType', name: 'Action Type', description: 'Action types (行動種別情報)' },
	{
		value: 'customApiCall',
		name: 'Custom API Call',
		description: 'Any cyzen path through the same transport',
	},
];

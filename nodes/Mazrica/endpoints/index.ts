/**
 * All 74 endpoints of the Mazrica Open API v1 (28 GET, 20 POST, 13 PATCH, 13 DELETE) and the
 * resources they belong to. See ./schema for the meaning of each field.
 */
import { actionSettingEndpoints } from './action-setting';
import { auditEndpoints } from './audit';
import { contactEndpoints } from './contact';
import { customObjectEndpoints } from './custom-object';
import { customerEndpoints } from './customer';
import { customerActionEndpoints } from './customer-action';
import { dealEndpoints } from './deal';
import { dealActionEndpoints } from './deal-action';
import { lifecycleEndpoints } from './lifecycle';
import type { MazricaEndpoint, ResourceSpec } from './schema';
import { teamEndpoints } from './team';
import { userEndpoints } from './user';

/** Every documented method + path, in the order of the vendor document. */
export const ENDPOINTS: MazricaEndpoint[] = [
	...teamEndpoints,
	...userEndpoints,
	...actionSettingEndpoints,
	...customerEndpoints,
	...customerActionEndpoints,
	...dealEndpoints,
	...dealActionEndpoints,
	...contactEndpoints,
	...lifecycleEndpoints,
	...customObjectEndpoints,
	...auditEndpoints,
];

/** One entry per resource value used in ENDPOINTS (the engine sorts them by name). */
export const RESOURCES: ResourceSpec[] = [
	{
		value: 'actionCustomField',
		name: 'Action Custom Field',
		description: 'Custom fields (詳細項目) of actions',
	},
	{
		value: 'actionSetting',
		name: 'Action Setting',
		description: 'Action settings and custom-field definitions',
	},
	{ value: 'auditLog', name: 'Audit Log', description: 'Audit log entries of the team' },
	{ value: 'contact', name: 'Contact', description: 'Contacts (people at customers)' },
	{
		value: 'contactAction',
		name: 'Contact Action',
		description: 'Actions (activities) recorded on contacts',
	},
	{
		value: 'contactSetting',
		name: 'Contact Setting',
		description: 'Contact custom-field definitions',
	},
	{
		value: 'customObjectDefinition',
		name: 'Custom Object Definition',
		description: 'Definitions of custom objects (plan-gated)',
	},
	{
		value: 'customObjectField',
		name: 'Custom Object Field',
		description: 'Fields of a custom object definition (plan-gated)',
	},
	{
		value: 'customObjectRecord',
		name: 'Custom Object Record',
		description: 'Records of a custom object (plan-gated)',
	},
	{ value: 'customer', name: 'Customer', description: 'Customers (companies, 取引先)' },
	{
		value: 'customerAction',
		name: 'Customer Action',
		description: 'Actions (activities) recorded on customers',
	},
	{
		value: 'customerSetting',
		name: 'Customer Setting',
		description: 'Customer custom-field definitions',
	},
	{ value: 'deal', name: 'Deal', description: 'Deals (案件)' },
	{
		value: 'dealAction',
		name: 'Deal Action',
		description: 'Actions (activities) recorded on deals',
	},
	{ value: 'dealContact', name: 'Deal Contact', description: 'Contacts linked to a deal' },
	{
		value: 'dealType',
		name: 'Deal Type',
		description: 'Deal types and their phases, products and other settings',
	},
	{
		value: 'lifecycleStageSetting',
		name: 'Lifecycle Stage Setting',
		description: 'Lifecycle stage definitions (plan-gated)',
	},
	{ value: 'role', name: 'Role', description: 'Roles of the team' },
	{ value: 'team', name: 'Team', description: 'Team-wide settings (deprecated endpoint)' },
	{ value: 'user', name: 'User', description: 'Users of the team' },
	{ value: 'userGroup', name: 'User Group', description: 'User groups and their members' },
];

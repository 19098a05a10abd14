import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { retryOnFailNotice } from '@japan-saas/shared/descriptions/retry-on-fail';
import { showFor } from '@japan-saas/shared/descriptions/show-for';
import { operationDropdowns } from '@japan-saas/shared/descriptions/operation-dropdown';
import {
	chosenOperation,
	runPerItem,
	type OperationTable,
	type PerItemOperation,
	type RoutedOperation,
} from '@japan-saas/shared/execute/per-item';

import { SATORI_ENDPOINTS, type SatoriEndpointName } from '../transport/endpoints';

import * as customerCreate from './customer/create.operation';
import * as customerDelete from './customer/delete.operation';
import * as customerUpsert from './customer/upsert.operation';
import * as actionAdd from './customerAction/add.operation';
import * as bulkGetStatus from './customerBulk/getStatus.operation';
import * as bulkRegister from './customerBulk/register.operation';
import * as bulkUpsert from './customerBulk/upsert.operation';

/** An operation that takes all input items at once (the CSV bulk uploads). */
interface AllItemsOperation {
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
}

interface OperationEntry extends RoutedOperation<PerItemOperation | AllItemsOperation> {
	/** The SATORI call it makes (the README's operations table is generated from this). */
	endpoint: SatoriEndpointName;
}

/** Every SATORI operation by resource: the seven calls of the vendor's three API families. */
export const OPERATIONS: OperationTable<OperationEntry> = {
	customer: {
		create: {
			name: 'Create',
			action: 'Create a customer',
			description: 'Register a customer (新規登録, customer/registration.json)',
			endpoint: 'customerRegistration',
			module: customerCreate,
		},
		delete: {
			name: 'Delete',
			action: 'Delete a customer',
			description: 'Delete a customer (削除, customer/delete.json)',
			endpoint: 'customerDelete',
			module: customerDelete,
		},
		upsert: {
			name: 'Create or Update',
			action: 'Create or update a customer',
			description: 'Register or update a customer (新規登録および更新, customer/upsert.json)',
			endpoint: 'customerUpsert',
			module: customerUpsert,
		},
	},
	customerBulk: {
		getStatus: {
			name: 'Get Status',
			action: 'Get the status of a bulk job',
			description: 'Status and failed rows of a bulk upload (処理状況取得, status.json)',
			endpoint: 'bulkStatus',
			module: bulkGetStatus,
		},
		register: {
			name: 'Register',
			action: 'Register customers in bulk',
			description: 'Register all input items as CSV uploads (一括登録, registration.json)',
			endpoint: 'bulkRegistration',
			module: bulkRegister,
		},
		upsert: {
			name: 'Create or Update',
			action: 'Create or update customers in bulk',
			description:
				'Register or update all input items as CSV uploads (一括登録・更新, upsert.json)',
			endpoint: 'bulkUpsert',
			module: bulkUpsert,
		},
	},
	customerAction: {
		add: {
			name: 'Add',
			action: 'Add a customer action',
			description: 'Add an action to the latest actions of a customer (add_action.json)',
			endpoint: 'addAction',
			module: actionAdd,
		},
	},
};

const DEFAULT_OPERATION: Record<string, string> = {
	customer: 'upsert',
	customerBulk: 'upsert',
	customerAction: 'add',
};

export function operationProperties(): INodeProperties[] {
	return operationDropdowns(OPERATIONS, DEFAULT_OPERATION);
}

/** Each operation's parameters, after the Retry On Fail warning where the call writes. */
export function parameterProperties(): INodeProperties[] {
	return Object.entries(OPERATIONS).flatMap(([resource, operations]) =>
		Object.entries(operations).flatMap(([operation, entry]) => [
			...(SATORI_ENDPOINTS[entry.endpoint].method === 'GET'
				? []
				: showFor(resource, operation, [retryOnFailNotice('SATORI')])),
			...entry.module.description,
		]),
	);
}

/** Runs the chosen operation: the router owns the item loop; bulk operations take every item at once. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { module } = chosenOperation(this, 'SATORI', (r, o) => OPERATIONS[r]?.[o]).entry;
	if ('executeAll' in module) return await module.executeAll.call(this);
	return await runPerItem(this, async (itemIndex) => await module.execute.call(this, itemIndex));
}

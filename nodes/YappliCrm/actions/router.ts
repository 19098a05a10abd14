import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { operationDropdowns } from '@japan-saas/shared/descriptions/operation-dropdown';
import {
	chosenOperation,
	runPerItem,
	type OperationTable,
	type PerItemOperation,
	type RoutedOperation,
} from '@japan-saas/shared/execute/per-item';

import { explainBadRequest } from './bad-request';

import * as memberCreate from './member/create.operation';
import * as memberGet from './member/get.operation';
import * as memberGetAll from './member/getAll.operation';
import * as memberGetByUniqueId from './member/getByUniqueId.operation';
import * as memberUpdate from './member/update.operation';
import * as pointAdjust from './point/adjust.operation';
import * as pointCalculate from './point/calculate.operation';
import * as pointGetExpiryList from './point/getExpiryList.operation';
import * as pointGetHistory from './point/getHistory.operation';
import * as transferTokenCheck from './transferToken/check.operation';

interface Operation extends PerItemOperation {
	/** What usually makes Yappli answer this operation with a bare 400 (要求が無効です。). */
	badRequestCauses?: readonly string[];
}

type OperationEntry = RoutedOperation<Operation>;

/** The resources, as the Resource dropdown shows them. */
export const RESOURCES = [
	{ name: 'Member', value: 'member', description: 'App members (顧客)' },
	{ name: 'Point', value: 'point', description: 'Member points (ポイント)' },
	{
		name: 'Transfer Token',
		value: 'transferToken',
		description: 'Login hand-over from the Yappli app',
	},
];

/** Every Yappli CRM operation by resource, in the order the dropdowns show them. */
export const OPERATIONS: OperationTable<OperationEntry> = {
	member: {
		create: {
			name: 'Create',
			action: 'Create a member',
			description: 'Register a member (顧客登録)',
			module: memberCreate,
		},
		get: {
			name: 'Get',
			action: 'Get a member',
			description: 'Get a member by Yappli CRM ID (顧客詳細)',
			module: memberGet,
		},
		getByUniqueId: {
			name: 'Get by Unique ID',
			action: 'Get a member by unique ID',
			description: 'Get a member by your own unique ID (顧客詳細(ユニークID))',
			module: memberGetByUniqueId,
		},
		getAll: {
			name: 'Get Many',
			action: 'Get many members',
			description: 'List members (顧客一覧)',
			module: memberGetAll,
		},
		update: {
			name: 'Update',
			action: 'Update a member',
			description: 'Update a member (顧客更新)',
			module: memberUpdate,
		},
	},
	point: {
		adjust: {
			name: 'Add or Subtract',
			action: 'Add or subtract points',
			description: 'Add (positive) or subtract (negative) points (ポイント付与)',
			module: pointAdjust,
		},
		calculate: {
			name: 'Calculate From Amount',
			action: 'Grant points calculated from an amount',
			description: "Grant amount × the member rank's rate (ポイント計算)",
			module: pointCalculate,
		},
		getExpiryList: {
			name: 'Get Expiry List',
			action: 'Get points by expiry date',
			description: 'Points that expire, grouped by date (ポイント有効期限一覧)',
			module: pointGetExpiryList,
		},
		getHistory: {
			name: 'Get History',
			action: 'Get point history',
			description: 'Point grants and subtractions, newest first (ポイント付与履歴)',
			module: pointGetHistory,
		},
	},
	transferToken: {
		check: {
			name: 'Check',
			action: 'Check a transfer token',
			description: 'Check a login-transfer token from the Yappli app (引き継ぎトークンチェック)',
			module: transferTokenCheck,
		},
	},
};

export function operationProperties(): INodeProperties[] {
	return operationDropdowns(OPERATIONS);
}

export function parameterProperties(): INodeProperties[] {
	return Object.values(OPERATIONS).flatMap((operations) =>
		Object.values(operations).flatMap((entry) => entry.module.description),
	);
}

/**
 * Runs the chosen operation once per item (the router owns the item loop). A bare 400 is
 * explained with the operation's name as errors show it ("Point → Add or Subtract") and its
 * usual causes.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { entry, resource } = chosenOperation(this, 'Yappli CRM', (r, o) => OPERATIONS[r]?.[o]);
	const resourceName = RESOURCES.find((r) => r.value === resource)?.name ?? resource;
	const label = `${resourceName} → ${entry.name}`;
	return await runPerItem(this, async (itemIndex) => {
		try {
			return await entry.module.execute.call(this, itemIndex);
		} catch (error) {
			throw explainBadRequest(error, label, entry.module.badRequestCauses);
		}
	});
}

import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { JAPAN_ZONE, vendorTimeMs } from '@japan-saas/shared/dates';
import { maxRequestsPerSecondOption } from '@japan-saas/shared/descriptions/request-options';
import { triggerEventsProperty } from '@japan-saas/shared/descriptions/trigger-events';
import {
	changesSince,
	fingerprintsOf,
	type Fingerprints,
} from '@japan-saas/shared/polling/fingerprints';
import { collect } from '@japan-saas/shared/transport';

import { expenses, flattenExpense, MAX_PAGE } from './transport/expenses';

const SAMPLE_SIZE = 5;

interface TriggerState {
	/** Expense id → updated_at, for the expenses in the window at the last poll. */
	seen?: Fingerprints;
}

export class RodemTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RODEM Trigger',
		name: 'rodemTrigger',
		icon: { light: 'file:../../icons/rodem.svg', dark: 'file:../../icons/rodem.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On new or updated expenses',
		description: 'Starts the workflow when RODEM expenses are registered or edited',
		defaults: { name: 'RODEM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rodemOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Look Back (Days)',
				name: 'lookBackDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 366 },
				default: 45,
				description:
					'Watch expenses whose use date (利用日) is up to this many days ago. The default covers last month and this one, so edits made around month-end closing are seen.',
			},
			{
				displayName: 'Look Ahead (Days)',
				name: 'lookAheadDays',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 366 },
				default: 7,
				description:
					'Also watch expenses registered ahead for trips up to this many days from today',
			},
			triggerEventsProperty('New'),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Flatten for Spreadsheets',
						name: 'flatten',
						type: 'boolean',
						default: false,
						description:
							'Whether to turn the route and flags into columns (route, lines, stations, flag_best_price …)',
					},
					maxRequestsPerSecondOption('RODEM', 'default pace of 2 requests per second'),
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const today = DateTime.now().setZone(JAPAN_ZONE).startOf('day');
		const start = today
			.minus({ days: this.getNodeParameter('lookBackDays', 45) as number })
			.toFormat('yyyyMMdd');
		const end = today
			.plus({ days: this.getNodeParameter('lookAheadDays', 7) as number })
			.toFormat('yyyyMMdd');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const events = this.getNodeParameter('events', 'all') as string;
		const requestOptions = {
			maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined,
		};
		const shape = (expense: IDataObject) => (options.flatten ? flattenExpense(expense) : expense);

		const inWindow = await collect(expenses(this, start, end, MAX_PAGE, requestOptions), {
			returnAll: true,
		});

		if (this.getMode() === 'manual') {
			const newest = [...inWindow]
				.sort((a, b) => (vendorTimeMs(b.updated_at) ?? 0) - (vendorTimeMs(a.updated_at) ?? 0))
				.slice(0, SAMPLE_SIZE)
				.map((expense) => ({ ...shape(expense), event: 'created' }));
			return newest.length ? [this.helpers.returnJsonArray(newest)] : null;
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const previous = state.seen;
		// Only what is in the window is remembered, so the state never outgrows the window.
		state.seen = fingerprintsOf(inWindow);
		if (!previous) return null;
		const changes = changesSince(previous, inWindow).filter(
			(change) => events === 'all' || change.event === events,
		);
		if (changes.length === 0) return null;
		return [
			this.helpers.returnJsonArray(
				changes.map(({ record, event }) => ({ ...shape(record), event })),
			),
		];
	}
}

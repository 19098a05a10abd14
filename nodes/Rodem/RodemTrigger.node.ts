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
	latestById,
	type Fingerprints,
	type RecordChange,
} from '@japan-saas/shared/polling/fingerprints';
import { collect } from '@japan-saas/shared/transport';

import { expenses, flattenExpense, MAX_PAGE } from './transport/expenses';

const SAMPLE_SIZE = 5;

/** What was last seen of one expense: its `updated_at` and its use date (`YYYY-MM-DD`). */
type Sighting = [updatedAt: string, useDate: string];

interface TriggerState {
	/** Expense id → last sighting, for every expense whose last known use date is in the window. */
	expenses?: Record<string, Sighting>;
	/** 0.1.0: expense id → updated_at of the expenses read at the last poll. */
	seen?: Fingerprints;
}

/**
 * Compares this poll's read with what was seen before. An expense known before but missing from
 * this read keeps its entry while its last known use date is in the window: the read may have
 * missed it (an expense deleted while the trigger paged shifts the offset pages), or it was moved
 * out of the window, and it must not come back as "created". Deleted expenses fall out of the
 * state once their use date leaves the window, so the state stays bounded by the window.
 */
function compare(
	known: Record<string, Sighting>,
	read: IDataObject[],
	window: { first: string; last: string },
): { changes: RecordChange[]; next: Record<string, Sighting> } {
	const next: Record<string, Sighting> = {};
	const previous: Fingerprints = {};
	for (const [id, [updatedAt, useDate]] of Object.entries(known)) {
		previous[id] = updatedAt;
		if (useDate >= window.first && useDate <= window.last) next[id] = [updatedAt, useDate];
	}
	for (const expense of latestById(read)) {
		next[String(expense.id)] = [String(expense.updated_at ?? ''), String(expense.use_date ?? '')];
	}
	return { changes: changesSince(previous, read), next };
}

/** A state saved by 0.1.0 has no use dates: its entries stay only while they are read. */
function knownFrom(state: TriggerState): Record<string, Sighting> | undefined {
	if (state.expenses) return state.expenses;
	if (!state.seen) return undefined;
	return Object.fromEntries(
		Object.entries(state.seen).map(([id, updatedAt]): [string, Sighting] => [id, [updatedAt, '']]),
	);
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
			triggerEventsProperty('New', 'expenses'),
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
		const from = today.minus({ days: this.getNodeParameter('lookBackDays', 45) as number });
		const to = today.plus({ days: this.getNodeParameter('lookAheadDays', 7) as number });
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const events = this.getNodeParameter('events', 'all') as string;
		const requestOptions = {
			maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined,
		};
		const shape = (expense: IDataObject) => (options.flatten ? flattenExpense(expense) : expense);

		const inWindow = await collect(
			expenses(this, from.toFormat('yyyyMMdd'), to.toFormat('yyyyMMdd'), MAX_PAGE, requestOptions),
			{ returnAll: true },
		);

		if (this.getMode() === 'manual') {
			const newest = [...inWindow]
				.sort((a, b) => (vendorTimeMs(b.updated_at) ?? 0) - (vendorTimeMs(a.updated_at) ?? 0))
				.slice(0, SAMPLE_SIZE)
				.map((expense) => ({ ...shape(expense), event: 'created' }));
			return newest.length ? [this.helpers.returnJsonArray(newest)] : null;
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const known = knownFrom(state);
		const { changes, next } = compare(known ?? {}, inWindow, {
			first: from.toFormat('yyyy-MM-dd'),
			last: to.toFormat('yyyy-MM-dd'),
		});
		delete state.seen;
		state.expenses = next;
		// The first poll after activation only learns what is in the window; it emits nothing.
		if (!known) return null;
		const wanted = changes.filter((change) => events === 'all' || change.event === events);
		if (wanted.length === 0) return null;
		return [
			this.helpers.returnJsonArray(
				wanted.map(({ record, event }) => ({ ...shape(record), event })),
			),
		];
	}
}

import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	readRequestOptions,
	requestOptionProperties,
} from '@japan-saas/shared/descriptions/request-options';
import { triggerOnProperty, triggerOnSubtitle } from '@japan-saas/shared/descriptions/subtitle';
import { OverlapLedger, type OverlapState } from '@japan-saas/shared/polling/overlap-ledger';

import { loadReportDefinitions } from './trigger/report-definitions';
import { outputOf } from './trigger/output';
import {
	activationState,
	pollChanges,
	recentChanges,
	stateAfter,
	type PollSettings,
} from './trigger/read-changes';
import { isDeleted, WATCHED_OBJECTS, type CyzenEvent, type WatchedObject } from './trigger/sources';

const SAMPLE_SIZE = 5;
const DEFAULT_OVERLAP_MINUTES = 5;

/** What the trigger keeps between polls (n8n saves it with the workflow). */
interface TriggerState extends OverlapState {
	/** Which object (and report definition) the state belongs to; a change of either starts afresh. */
	watch?: string;
}

/**
 * Deleted schedules are "deleted"; histories are always new; otherwise "created" for a record met
 * first inside the window that was created inside it (as the Mazrica trigger decides).
 */
function eventOf(
	source: WatchedObject,
	record: IDataObject,
	ledger: OverlapLedger<IDataObject>,
): CyzenEvent {
	if (source.value === 'schedule' && isDeleted(record)) return 'deleted';
	if (source.value === 'history') return 'created';
	const created = source.createdTime(record);
	const isNew =
		created !== undefined &&
		created >= ledger.from &&
		!ledger.knew(record[source.idField] as string);
	return isNew ? 'created' : 'updated';
}

/** For Fetch Test Event, where there is no state: "created" when never edited since. */
function sampleEventOf(source: WatchedObject, record: IDataObject): CyzenEvent {
	if (source.value === 'schedule' && isDeleted(record)) return 'deleted';
	if (source.value === 'history') return 'created';
	return source.createdTime(record) === source.changeTime(record) ? 'created' : 'updated';
}

const EVENT_LABELS: Record<CyzenEvent, string> = {
	created: 'Created',
	updated: 'Updated',
	deleted: 'Deleted',
};

/** "Events", per watched object with its own choices (histories: only new stamps). */
function eventsProperty(
	values: Array<WatchedObject['value']>,
	events: CyzenEvent[],
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: events.map((value) => ({ name: EVENT_LABELS[value], value })),
		default: [...events],
		description:
			'Which changes start the workflow. Each output item has "event" set to one of them.',
		displayOptions: { show: { watch: values } },
	};
}

const watchProperty = triggerOnProperty('watch', WATCHED_OBJECTS, 'report');

export class CyzenTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'cyzen Trigger',
		name: 'cyzenTrigger',
		icon: { light: 'file:../../icons/cyzen.svg', dark: 'file:../../icons/cyzen.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: triggerOnSubtitle(watchProperty),
		description:
			'Starts the workflow when cyzen reports are filed or edited, check-ins and status stamps are made, spots are created or updated, or schedules are created, updated or deleted',
		defaults: { name: 'cyzen Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cyzenApi', required: true }],
		properties: [
			watchProperty,
			{
				displayName: 'Report Definition Name or ID',
				name: 'reportDefinitionId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getReportDefinitions' },
				default: '',
				description:
					'Only reports of this format (報告書定義). Empty: every format. cyzen ignores this filter, so the trigger applies it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { watch: ['report'] } },
			},
			eventsProperty(['report', 'spot'], ['created', 'updated']),
			eventsProperty(['schedule'], ['created', 'updated', 'deleted']),
			{
				displayName: 'Schedule Start Dates: Days Back',
				name: 'scheduleDaysBack',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 365 },
				default: 1,
				description:
					'The cyzen API lists schedules by start date (予定の開始日), 7 days per request. The trigger watches schedules starting between this many days ago and Days Ahead. Every 7 days of range cost one request per poll.',
				displayOptions: { show: { watch: ['schedule'] } },
			},
			{
				displayName: 'Schedule Start Dates: Days Ahead',
				name: 'scheduleDaysAhead',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 365 },
				default: 6,
				description: 'Schedules starting up to this many days from now are watched',
				displayOptions: { show: { watch: ['schedule'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1440 },
						default: DEFAULT_OVERLAP_MINUTES,
						description:
							'Each poll reads again this many minutes behind the newest change already seen, so records cyzen shows late (a report synced from a phone that was offline for a moment, clock skew) are not missed. Every change is still emitted once.',
					},
					...requestOptionProperties('cyzen', 'documented 5 requests per second'),
				],
			},
		],
	};

	methods = { loadOptions: { getReportDefinitions: loadReportDefinitions } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watch = this.getNodeParameter('watch') as string;
		const source = WATCHED_OBJECTS.find((s) => s.value === watch);
		if (!source) throw new NodeOperationError(this.getNode(), `Unknown "Watch" value "${watch}"`);
		const reportDefinitionId =
			source.value === 'report' ? String(this.getNodeParameter('reportDefinitionId', '')) : '';
		const isSchedule = source.value === 'schedule';
		const settings: PollSettings = {
			source,
			reportDefinitionId: reportDefinitionId || undefined,
			scheduleDaysBack: isSchedule ? Number(this.getNodeParameter('scheduleDaysBack', 1)) : 0,
			scheduleDaysAhead: isSchedule ? Number(this.getNodeParameter('scheduleDaysAhead', 6)) : 0,
			request: readRequestOptions(this),
		};
		const events = (
			source.value === 'history'
				? source.events
				: (this.getNodeParameter('events', source.events) as CyzenEvent[])
		).filter((event) => source.events.includes(event));
		if (events.length === 0) {
			throw new NodeOperationError(this.getNode(), '"Events" needs at least one event');
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const overlapMs =
			Math.max(0, Number(options.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES) || 0) * 60_000;
		const now = Date.now();

		if (this.getMode() === 'manual') {
			const sample = await recentChanges(this, settings, now, SAMPLE_SIZE);
			const items = sample.map((record) => outputOf(source, record, sampleEventOf(source, record)));
			return items.length ? [this.helpers.returnJsonArray(items)] : null;
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const signature = `${source.value}:${reportDefinitionId}`;
		const save = (window: Required<OverlapState>) =>
			Object.assign(state, { watch: signature, readFrom: window.readFrom, seen: window.seen });
		if (state.watch !== signature || state.readFrom === undefined) {
			// First poll after activation (or after the watched object changed). n8n saves the state
			// right after this activation poll, although it emits nothing.
			save(await activationState(this, settings, overlapMs, now));
			return null;
		}

		const ledger = new OverlapLedger<IDataObject>(state, overlapMs);
		await pollChanges(this, settings, ledger, now);
		const items = ledger
			.emitted()
			.map((record) => outputOf(source, record, eventOf(source, record, ledger)))
			.filter((item) => events.includes(item.event as CyzenEvent));
		// Also after an idle poll (kept in memory; n8n writes it with the next emission).
		save(stateAfter(ledger, now));
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}

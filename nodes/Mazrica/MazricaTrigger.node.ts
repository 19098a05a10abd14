import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { maxRequestsPerSecondOption } from '@japan-saas/shared/descriptions/request-options';
import { triggerOnProperty, triggerOnSubtitle } from '@japan-saas/shared/descriptions/subtitle';
import { triggerEventsProperty } from '@japan-saas/shared/descriptions/trigger-events';
import { OverlapLedger, type OverlapState } from '@japan-saas/shared/polling/overlap-ledger';

import { loadOptions } from './methods/load-options';
import {
	activationWindow,
	newestRecords,
	pollChanges,
	type PollSettings,
} from './trigger/poll-changes';
import { TRIGGER_SOURCES } from './trigger/sources';
import { changeTime } from './trigger/times';

const SAMPLE_SIZE = 5;
const DEFAULT_OVERLAP_MINUTES = 5;

/** What the trigger keeps between polls (n8n saves it with the workflow). */
interface TriggerState extends OverlapState {
	/** Which source/definition the state belongs to; a change of either starts afresh. */
	source?: string;
	/** Before the overlap window (0.1.0): the newest change emitted, and the IDs emitted at it. */
	watermark?: number;
	seenAtWatermark?: Array<string | number>;
}

/** The window state, also from a state an earlier version saved (read on from its watermark). */
function windowOf(state: TriggerState): OverlapState | undefined {
	if (state.readFrom !== undefined) return { readFrom: state.readFrom, seen: state.seen };
	if (state.watermark === undefined) return undefined;
	const at = state.watermark;
	return {
		readFrom: at,
		seen: Object.fromEntries((state.seenAtWatermark ?? []).map((id) => [String(id), at])),
	};
}

function saveWindow(state: TriggerState, signature: string, window: OverlapState): void {
	delete state.watermark;
	delete state.seenAtWatermark;
	Object.assign(state, { source: signature, readFrom: window.readFrom, seen: window.seen });
}

/**
 * "created" for a record first met inside the window that was created inside it; audit entries
 * are always new. (A record created before the window start was emitted, or was history at
 * activation, when it was created.)
 */
function eventOf(record: IDataObject, source: string, ledger: OverlapLedger<IDataObject>) {
	const created = changeTime(record, 'createdAt');
	const isNew =
		source === 'auditLog' ||
		(created !== undefined && created >= ledger.from && !ledger.knew(record.id as string));
	return isNew ? 'created' : 'updated';
}

/** For Fetch Test Event, where there is no state: "created" when never edited since. */
function sampleEventOf(record: IDataObject, source: string, timeField: string) {
	const created = changeTime(record, 'createdAt');
	const isNew =
		source === 'auditLog' || (created !== undefined && created === changeTime(record, timeField));
	return isNew ? 'created' : 'updated';
}

const SOURCE_PROPERTY = triggerOnProperty('source', TRIGGER_SOURCES, 'deal');

export class MazricaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mazrica Trigger',
		name: 'mazricaTrigger',
		icon: { light: 'file:../../icons/mazrica.svg', dark: 'file:../../icons/mazrica.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: triggerOnSubtitle(SOURCE_PROPERTY),
		description:
			'Starts the workflow when a Mazrica customer, contact, deal, action (on a customer, deal or contact) or custom object record is created or updated, or an audit log entry is written',
		defaults: { name: 'Mazrica Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mazricaApi', required: true }],
		properties: [
			SOURCE_PROPERTY,
			{
				displayName: 'Custom Object Definition Name or ID',
				name: 'custom_object_def_key',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCustomObjectDefinitions' },
				required: true,
				default: '',
				description:
					'Which custom object to watch. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { source: ['customObject'] } },
			},
			{ ...triggerEventsProperty(), displayOptions: { hide: { source: ['auditLog'] } } },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Records per Poll',
						name: 'maxRecordsPerPoll',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 5000,
						description:
							'For customers, contacts and deals: emit at most this many changes per poll and continue from there at the next poll',
					},
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1440 },
						default: DEFAULT_OVERLAP_MINUTES,
						description:
							'Each poll reads again this many minutes behind the newest change already seen, so records that Mazrica shows late (commit lag, clock skew between its servers) are not missed. Every change is still emitted once.',
					},
					maxRequestsPerSecondOption('Mazrica', 'documented 3 requests per second'),
				],
			},
		],
	};

	methods = { loadOptions: { getCustomObjectDefinitions: loadOptions.getCustomObjectDefinitions } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const sourceValue = this.getNodeParameter('source') as string;
		const source = TRIGGER_SOURCES.find((s) => s.value === sourceValue);
		if (!source) throw new NodeOperationError(this.getNode(), `Unknown source "${sourceValue}"`);
		const definitionKey =
			source.value === 'customObject'
				? (this.getNodeParameter('custom_object_def_key') as string)
				: '';
		if (source.value === 'customObject' && !definitionKey) {
			throw new NodeOperationError(this.getNode(), '"Custom Object Definition" is required');
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const settings: PollSettings = {
			source,
			path: source.path.replace('{key}', encodeURIComponent(definitionKey)),
			signature: `${source.value}:${definitionKey}`,
			maxRequestsPerSecond: Number(options.maxRequestsPerSecond) || undefined,
			maxRecordsPerPoll: Number(options.maxRecordsPerPoll) || 5000,
		};
		const events =
			source.value === 'auditLog' ? 'all' : (this.getNodeParameter('events', 'all') as string);
		const overlapMs =
			Math.max(0, Number(options.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES) || 0) * 60_000;

		if (this.getMode() === 'manual') {
			const sample = (await newestRecords(this, settings)).slice(0, SAMPLE_SIZE);
			const tagged = sample.map((record) => ({
				...record,
				event: sampleEventOf(record, source.value, source.timeField),
			}));
			return tagged.length ? [this.helpers.returnJsonArray(tagged)] : null;
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const window = state.source === settings.signature ? windowOf(state) : undefined;
		if (!window) {
			// First poll after activation (or after the watched source changed). n8n saves the state
			// right after this activation poll, although it emits nothing.
			saveWindow(state, settings.signature, await activationWindow(this, settings, overlapMs));
			return null;
		}

		const ledger = new OverlapLedger<IDataObject>(window, overlapMs);
		await pollChanges(this, settings, ledger);
		if (ledger.size === 0) return null;
		const tagged = ledger
			.emitted()
			.map((record) => ({ ...record, event: eventOf(record, source.value, ledger) }))
			.filter((record) => events === 'all' || record.event === events);
		saveWindow(state, settings.signature, ledger.nextState());
		return tagged.length ? [this.helpers.returnJsonArray(tagged)] : null;
	}
}

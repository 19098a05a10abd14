import type {
	IDataObject,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

/**
 * What became of each input item of a bulk run, and the sentences that tell the user. A bulk
 * request is all-or-nothing, so a rejected or refused chunk wrote nothing; a chunk whose answer
 * was lost (or answered with a 5xx other than 503) may have been written; rows after the node
 * stopped were never sent.
 */
type RowState =
	| { kind: 'unsent' }
	| { kind: 'written'; json: IDataObject }
	| { kind: 'notWritten'; error: NodeApiError | NodeOperationError }
	| { kind: 'unknown'; error: NodeApiError; sentence: string };

/** Item indexes as `0–999, 1200, 1300–1305` (at most 20 runs, then an ellipsis). */
export function itemRanges(indexes: number[]): string {
	const runs: string[] = [];
	const sorted = [...indexes].sort((a, b) => a - b);
	for (let k = 0; k < sorted.length; ) {
		let end = k;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
		runs.push(end === k ? `${sorted[k]}` : `${sorted[k]}–${sorted[end]}`);
		k = end + 1;
	}
	return runs.length > 20 ? `${runs.slice(0, 20).join(', ')}, …` : runs.join(', ');
}

export class BulkLedger {
	private readonly states: RowState[];

	constructor(
		readonly vendor: string,
		itemCount: number,
	) {
		this.states = Array.from({ length: itemCount }, () => ({ kind: 'unsent' }));
	}

	written(itemIndex: number, json: IDataObject): void {
		this.states[itemIndex] = { kind: 'written', json };
	}

	notWritten(itemIndex: number, error: NodeApiError | NodeOperationError): void {
		this.states[itemIndex] = { kind: 'notWritten', error };
	}

	/** The chunk was sent and its fate is unknown; each row's error says so and names the chunk. */
	unknown(itemIndexes: number[], error: NodeApiError, status: number | undefined): void {
		const sentence = this.unknownSentence(itemIndexes, status);
		for (const itemIndex of itemIndexes)
			this.states[itemIndex] = { kind: 'unknown', error, sentence };
	}

	private unknownSentence(itemIndexes: number[], status: number | undefined): string {
		const how = status === undefined ? 'the answer was lost' : `${this.vendor} answered ${status}`;
		return `Unknown: items ${itemRanges(itemIndexes)} (${itemIndexes.length}) were sent but ${how}; ${this.vendor} may have written them.`;
	}

	private indexesOf(...kinds: Array<RowState['kind']>): number[] {
		return this.states.flatMap((state, i) => (kinds.includes(state.kind) ? [i] : []));
	}

	/**
	 * Where the run stands, for the error that stops the node (Continue On Fail off): which items
	 * were written, which may have been, which were not, and what a re-run would do.
	 */
	summary(unknownStatus?: number): string {
		const written = this.indexesOf('written');
		const unknown = this.indexesOf('unknown');
		const notWritten = this.indexesOf('notWritten', 'unsent');
		const parts: string[] = [];
		if (written.length === 0 && unknown.length === 0) parts.push('Nothing was written.');
		if (written.length > 0)
			parts.push(`Written: items ${itemRanges(written)} (${written.length}).`);
		if (unknown.length > 0) parts.push(this.unknownSentence(unknown, unknownStatus));
		if (notWritten.length > 0)
			parts.push(`Not written: items ${itemRanges(notWritten)} (${notWritten.length}).`);
		if (written.length > 0 || unknown.length > 0) {
			parts.push(
				"Running the node again re-sends the written items too (so does n8n's Retry On Fail): continue with only the items not written, or turn on Continue On Fail to get one output item per input item.",
			);
		}
		return parts.join(' ');
	}

	/** One output item per input item (Continue On Fail on), paired with it. */
	output(): INodeExecutionData[] {
		return this.states.map((state, item) => {
			if (state.kind === 'written') return { json: state.json, pairedItem: { item } };
			// With Continue On Fail every row is sent; one left unsent would be a bug, said as such.
			if (state.kind === 'unsent') {
				return { json: { error: 'Not sent', description: null }, pairedItem: { item } };
			}
			const description = [state.kind === 'unknown' ? state.sentence : '', state.error.description]
				.filter(Boolean)
				.join(' ');
			return {
				json: { error: state.error.message, description: description || null },
				pairedItem: { item },
			};
		});
	}
}

import type { Cell, Expected, OperationSpec } from './model';
import type { Observation } from './run-cell';

/** "item 2", "items 1–3 (one bulk request)", "page 2": the faulted unit as a user counts. */
function unitName(operation: OperationSpec, cell: Cell): string {
	if (cell.unitName) return cell.unitName;
	if (operation.kind === 'read') return `page ${cell.faultedUnit}`;
	const items = cell.itemsOf(cell.faultedUnit).map((i) => i + 1);
	return items.length === 1
		? `item ${items[0]}`
		: `items ${items[0]}–${items[items.length - 1]} (one bulk request)`;
}

const matches = (text: string | undefined, pattern: RegExp) =>
	text !== undefined && pattern.test(text);

/**
 * Every way the cell's observation differs from its expectation, and from the two rules that
 * hold in every cell: no duplicated write, no silently lost item. Empty when the cell is green.
 */
export function mismatches(
	operation: OperationSpec,
	cell: Cell,
	expected: Expected,
	seen: Observation,
): string[] {
	const problems: string[] = [];
	const unit = unitName(operation, cell);
	const faulted = cell.itemsOf(cell.faultedUnit);
	const lastFaulted = Math.max(...faulted);
	cell.input.forEach((_, i) => {
		const error = seen.itemErrors[i];
		const name = operation.kind === 'read' ? 'the read' : `item ${i + 1}`;
		if (expected.outcome === 'retried') {
			if (error) problems.push(`${name} failed: ${error}`);
		} else if (faulted.includes(i)) {
			if (!matches(error, expected.message))
				problems.push(
					`${name} should fail matching ${expected.message}, got: ${error ?? 'success'}`,
				);
		} else if (expected.outcome === 'stopped' && i > lastFaulted) {
			if (!matches(error, expected.laterMessage))
				problems.push(
					`${name} should fail matching ${expected.laterMessage}, got: ${error ?? 'success'}`,
				);
		} else if (error) problems.push(`${name} failed: ${error}`);
	});
	if (expected.outcome === 'retried' && seen.sends < 2)
		problems.push(`${unit} was sent ${seen.sends}×, expected again after the fault`);
	if (expected.outcome !== 'retried' && seen.sends !== 1)
		problems.push(`${unit} was sent ${seen.sends}×, expected once and never again`);
	if (expected.outcome === 'stopped') {
		if (seen.laterSends !== 0) problems.push(`${seen.laterSends} later requests were sent`);
		if (seen.rerun?.sends !== 0) problems.push(`a re-run sent ${seen.rerun?.sends} requests`);
		const refused = seen.rerun?.itemErrors ?? [];
		if (
			refused.length !== cell.input.length ||
			!refused.every((e) => matches(e, expected.message) || matches(e, expected.laterMessage))
		)
			problems.push(`a re-run should fail at once on every item, got: ${JSON.stringify(refused)}`);
	} else if (operation.rerunConverges && seen.rerun) {
		if (seen.rerun.itemErrors.some(Boolean))
			problems.push(`the re-run failed: ${JSON.stringify(seen.rerun.itemErrors)}`);
		if (!seen.rerun.applied?.every((count) => count === 1))
			problems.push(
				`after the re-run each item should be written once: ${seen.rerun.applied?.join('·')}`,
			);
	}
	if (seen.duplicated !== 0) problems.push(`${seen.duplicated} duplicated`);
	if (seen.lost !== 0) problems.push(`${seen.lost} silently lost`);
	return problems;
}

/** One line of the matrix for a green cell: outcome, sends, ledger, duplicates, losses. */
export function describeCell(
	operation: OperationSpec,
	cell: Cell,
	expected: Expected,
	seen: Observation,
): string {
	const unit = unitName(operation, cell);
	const parts: string[] = [];
	if (expected.outcome === 'retried') parts.push(`retried ✓, ${unit} sent ${seen.sends}×`);
	else if (operation.kind === 'read') parts.push(`failed, ${unit} sent ${seen.sends}×, not again`);
	else parts.push(`${unit}: item error, sent ${seen.sends}×, not again`);
	if (expected.outcome === 'stopped') {
		const later = operation.kind === 'read' ? 'later pages' : 'later items: item error,';
		parts[0] += `; key paused: ${later} not sent; re-run sent ${seen.rerun?.sends ?? '?'}`;
	}
	const rerun = seen.rerun?.applied ? `, after a re-run ${seen.rerun.applied.join('·')}` : '';
	parts.push(
		seen.applied
			? `applied ${seen.applied.join('·')}${rerun}`
			: seen.records
				? `${seen.records.output}/${seen.records.expected} records`
				: 'no records claimed',
	);
	parts.push(`dup ${seen.duplicated}`, `lost ${seen.lost}`);
	return parts.join(' · ');
}

import { KINDS } from './model';
import type { MatrixRow } from './plan';

const escape = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The matrix as a Markdown table: one row per vendor and fault (reading), one column per kind of
 * request, one line per operation. The same text is printed by the test and kept in README.
 */
export function renderMatrix(rows: MatrixRow[]): string {
	const header = [
		'| Vendor | Fault | Read | Idempotent write | Non-idempotent write |',
		'|---|---|---|---|---|',
	];
	const lines = rows.map((row) => {
		const fault = row.reading ? `${row.fault}: *${row.reading}*` : row.fault;
		const columns = KINDS.map((kind, k) => {
			if (row.notApplicable) return k === 0 ? `N/A: ${row.notApplicable}` : 'N/A';
			const cells = row.cells.filter((cell) => cell.operation.kind === kind);
			if (cells.length === 0) return `N/A: ${row.vendor.noOperation?.[kind] ?? '?'}`;
			return cells
				.map((cell) => {
					const reading = cell.operation.reading ? `, *${cell.operation.reading}*` : '';
					return `**${cell.operation.name}**${reading}: ${cell.result ?? 'not run'}`;
				})
				.join('<br>');
		});
		return `| ${[row.vendor.vendor, fault, ...columns].map(escape).join(' | ')} |`;
	});
	return [...header, ...lines].join('\n');
}

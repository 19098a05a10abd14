/** One CSV field per RFC 4180: quoted when it holds a quote, a comma or a line break. */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A UTF-8 CSV as SATORI's bulk API reads it: a header row of item names, then one row per
 * record, columns in header order, an empty cell where a record has no value (empty cells never
 * overwrite stored values). LF line endings as public SATORI clients send them; no BOM.
 */
export function toCsv(columns: string[], records: Array<Record<string, string>>): string {
	const lines = [columns.map(csvField).join(',')];
	for (const record of records) lines.push(columns.map((c) => csvField(record[c] ?? '')).join(','));
	return `${lines.join('\n')}\n`;
}

/** The header for a set of records: the identity column first, then every item in first-seen order. */
export function csvColumns(identityColumn: string, records: Array<Record<string, string>>): string[] {
	const columns = new Set<string>([identityColumn]);
	for (const record of records) for (const name of Object.keys(record)) columns.add(name);
	return [...columns];
}

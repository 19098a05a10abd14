import { validation } from './errors';

/**
 * An RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; lines end with
 * LF or CRLF (spec §5.4: public code uses LF; both accepted [proposed]); a leading UTF-8 BOM is
 * dropped [proposed]. Returns the header and the data rows as header → cell maps.
 */
export function parseCsv(text: string): { header: string[]; rows: Array<Record<string, string>> } {
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let atFieldStart = true;
	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (quoted) {
			if (char === '"' && source[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') {
				quoted = false;
			} else {
				field += char;
			}
			continue;
		}
		if (char === '"' && atFieldStart) {
			quoted = true;
			atFieldStart = false;
		} else if (char === ',') {
			record.push(field);
			field = '';
			atFieldStart = true;
		} else if (char === '\n' || (char === '\r' && source[i + 1] === '\n')) {
			if (char === '\r') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			atFieldStart = true;
		} else {
			field += char;
			atFieldStart = false;
		}
	}
	if (quoted) validation('CSVの形式が正しくありません。(閉じられていない引用符)');
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ''));
	if (nonEmpty.length === 0) validation('CSVファイルが空です。');
	const [header, ...data] = nonEmpty;
	const rows = data.map((cells, index) => {
		if (cells.length !== header.length) {
			validation(`CSVの${index + 2}行目の列数がヘッダーと一致しません。`);
		}
		return Object.fromEntries(header.map((name, k) => [name.trim(), cells[k]]));
	});
	return { header: header.map((name) => name.trim()), rows };
}

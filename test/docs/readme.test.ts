import { bulkTwin, OPERATIONS } from '../../nodes/Mazrica/endpoints/catalog';
import { env, fs, path, projectRoot } from '../platform/node';
import { mazricaOperationsTable, TESTED_IN } from './operations-table';

/**
 * README's operations table is generated from the endpoint table; this fails when they drift.
 * Regenerate with `UPDATE_README=1 npx jest test/docs`.
 */
const readmePath = path.join(projectRoot, 'README.md');
const START = '<!-- operations-table:start -->';
const END = '<!-- operations-table:end -->';

test('README lists every operation with the test that exercises it', () => {
	const readme = fs.readFileSync(readmePath, 'utf8');
	const block = `${START}\n${mazricaOperationsTable()}\n${END}`;
	const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
	if (env.UPDATE_README === '1' && current !== block) {
		fs.writeFileSync(readmePath, readme.replace(current, block));
		return;
	}
	expect(current).toBe(block);
});

test('every bulk endpoint named in the table is exercised in the bulk test', () => {
	const source = fs.readFileSync(path.join(projectRoot, TESTED_IN.bulk), 'utf8');
	for (const operation of OPERATIONS) {
		const bulk = bulkTwin(operation);
		if (!bulk) continue;
		const literal = bulk.path.replace(/\{[^}]+\}/g, '');
		const tail = literal.split('/').filter(Boolean).pop() ?? '';
		// The bulk test names each endpoint's path (with its parameters filled in) in a request assertion.
		const pattern = new RegExp(
			`'${bulk.method}',\\s*path:\\s*[\`'][^\`']*${bulk.path.split('/')[1]}[^\`']*${tail}[\`']`,
		);
		expect({ endpoint: `${bulk.method} ${bulk.path}`, found: pattern.test(source) }).toEqual({
			endpoint: `${bulk.method} ${bulk.path}`,
			found: true,
		});
	}
});

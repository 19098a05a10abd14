import { bulkTwin, OPERATIONS } from '../../nodes/Mazrica/endpoints/catalog';
import { fs, path, projectRoot } from '../platform/node';
import { mazricaOperationsTable, TESTED_IN } from './operations-table';
import { readmeBlock } from './readme-block';

/**
 * README's operations table is generated from the endpoint table; this fails when they drift.
 * Regenerate with `UPDATE_README=1 npx jest test/docs`.
 */
test('README lists every operation with the test that exercises it', () => {
	const { current, generated } = readmeBlock('operations-table', mazricaOperationsTable());
	expect(current).toBe(generated);
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

import { crypto } from '../../platform/node';
import type { UploadedFile } from '../../kit/multipart';
import type { CustomerTable } from './customer-table';
import { parseCsv } from './csv';
import { readCustomerInput, writeCustomer } from './customers';
import { SatoriAnswer, validation } from './errors';
import { isUtf8 } from './form';
import type { Behaviour, BulkJob, BulkKind, SatoriUser, Tenant } from './types';

/** Data rows per upload [public code, attributed to the bulk manual]. */
export const MAX_BULK_ROWS = 10_000;

/**
 * A bulk submit (spec §5.4, §12.7): `identity_type` as a top-level part, the CSV as file part
 * `customer_csv_file`, UTF-8, header first, at most 10,000 data rows, the identity column present.
 */
export function createJob(
	kind: BulkKind,
	identityType: string,
	file: UploadedFile | undefined,
	tenant: Tenant,
	user: SatoriUser,
	now: number,
): BulkJob {
	if (identityType !== 'email' && identityType !== 'hashcode') {
		validation('identity_type は email または hashcode を指定してください。');
	}
	if (!file) validation('customer_csv_file を指定してください。');
	if (!isUtf8(file.bytes)) validation('CSVファイルの文字コードはUTF-8にしてください。');
	const { header, rows } = parseCsv(file.bytes.toString('utf8'));
	if (rows.length > MAX_BULK_ROWS) {
		validation(`一度に登録できるのは${MAX_BULK_ROWS}件までです。`);
	}
	if (!header.includes(identityType)) validation(`CSVに${identityType}列がありません。`);
	return {
		processCode: crypto.randomUUID(),
		companyKey: tenant.companyKey,
		userKey: user.userKey,
		kind,
		identityType,
		rows,
		submittedAt: now,
	};
}

export type JobPhase = 'waiting' | 'processing' | 'finished';

export function phaseOf(job: BulkJob, behaviour: Behaviour, now: number): JobPhase {
	if (now < job.submittedAt + behaviour.queueMs) return 'waiting';
	if (now < job.submittedAt + behaviour.queueMs + behaviour.processingMs) return 'processing';
	return 'finished';
}

/**
 * Applies a finished job's rows once, in file order. A row that fails is listed in failed_rows
 * (data rows from 1, or file lines with the header as 1, per `rowNumbering`) and the others are
 * written: a finished job can be a partial success (spec §5.5).
 */
export function applyJob(
	job: BulkJob,
	tenant: Tenant,
	customers: CustomerTable,
	user: SatoriUser,
	behaviour: Behaviour,
	now: number,
): void {
	if (job.failedRows) return;
	const offset = behaviour.rowNumbering === 'fileLines' ? 2 : 1;
	job.failedRows = [];
	job.rows.forEach((row, index) => {
		try {
			const input = readCustomerInput(row, job.identityType, tenant);
			writeCustomer(job.kind, input, {
				tenant,
				customers,
				user,
				now,
				duplicateEmailBug: behaviour.duplicateEmailBug,
				checkPermissions: false,
			});
		} catch (error) {
			const message = error instanceof SatoriAnswer ? error.message : `内部エラー: ${String(error)}`;
			job.failedRows?.push({ row_number: index + offset, message });
		}
	});
}

import type { FieldSpec } from '../endpoints/schema';

/** The top-level toggle that routes a create/update operation through its bulk endpoint. */
export const BULK_PARAMETER = 'useBulkEndpoint';

/** Bulk-only fields (e.g. the deal type of the batch) are named apart from the single operation's. */
export const bulkFieldName = (field: FieldSpec) => `bulk_${field.name}`;

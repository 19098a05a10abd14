import {
	FAULTS,
	KINDS,
	type Expected,
	type FaultName,
	type OperationSpec,
	type VendorDescriptor,
	type VendorFault,
	type VendorFaultName,
} from './model';
import { GENERIC_FAULTS, VENDOR_FAULT_POLICY, type GenericFault } from './policy';

/** One row of the matrix: a vendor meeting one fault (in one reading), across the request kinds. */
export interface MatrixRow {
	vendor: VendorDescriptor;
	fault: FaultName;
	reading?: string;
	/** Why the fault cannot happen with this vendor (its documents say so); then no cells run. */
	notApplicable?: string;
	cells: PlannedCell[];
}

export interface PlannedCell {
	row: MatrixRow;
	operation: OperationSpec;
	cause: { generic: GenericFault; vendor: VendorDescriptor } | VendorFault;
	expected: Expected;
	/** The matrix line, filled in when the cell ran green. */
	result?: string;
}

const isVendorFault = (fault: FaultName): fault is VendorFaultName => fault in VENDOR_FAULT_POLICY;

/** Every vendor × fault × operation, in the order the matrix shows them. */
export function planMatrix(vendors: VendorDescriptor[]): MatrixRow[] {
	const rows: MatrixRow[] = [];
	for (const vendor of vendors) {
		for (const fault of FAULTS) {
			const add = (
				reading: string | undefined,
				cause: PlannedCell['cause'],
				expect: (operation: OperationSpec) => Expected,
			) => {
				const row: MatrixRow = { vendor, fault, reading, cells: [] };
				row.cells = vendor.operations.map((operation) => ({
					row,
					operation,
					cause,
					expected: expect(operation),
				}));
				rows.push(row);
			};
			if (!isVendorFault(fault)) {
				for (const generic of GENERIC_FAULTS.filter((g) => g.fault === fault))
					add(generic.reading, { generic, vendor }, (op) => generic.expect[op.kind]);
				continue;
			}
			const own = vendor.vendorFaults[fault];
			if ('notApplicable' in own) {
				rows.push({ vendor, fault, notApplicable: own.notApplicable, cells: [] });
				continue;
			}
			for (const variant of own)
				add(
					variant.reading,
					variant,
					(op) => variant.expect?.[op.kind] ?? VENDOR_FAULT_POLICY[fault][op.kind],
				);
		}
	}
	return rows;
}

/** Where a kind has neither an operation nor a stated reason, the matrix would skip it silently. */
export function unexplainedKinds(vendor: VendorDescriptor): string[] {
	return KINDS.filter(
		(kind) => !vendor.operations.some((op) => op.kind === kind) && !vendor.noOperation?.[kind],
	);
}

export const cellTitle = (cell: PlannedCell) =>
	[
		cell.row.vendor.vendor,
		cell.row.reading ? `${cell.row.fault} (${cell.row.reading})` : cell.row.fault,
		cell.operation.reading
			? `${cell.operation.name} (${cell.operation.reading})`
			: cell.operation.name,
	].join(' · ');

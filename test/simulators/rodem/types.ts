/** The array key of the expense list: the field table says `expense_details`, the only JSON example `expens_details`. */
export type DetailsKey = 'expens_details' | 'expense_details' | 'both';

/**
 * How timestamps are printed. `iso` follows the vendor's JSON example
 * (`2016-12-14T13:10:22.470+09:00`); `table` follows its field table (`2016-09-30 13:56:00`).
 */
export type TimestampFormat = 'iso' | 'table';

/** [proposed] What the consent screen does: approve at once (tests), show a page with 許可/拒否, or deny. */
export type ConsentMode = 'auto' | 'page' | 'deny';

/** A RODEM user (the person who authorises the app; the response root `id`). */
export interface EmployeeRec {
	id: number;
	name: string;
	department: string;
	/** The commuter pass currently in the user's pass master (定期マスタ), or null [proposed] when none. */
	teikiCourse: string | null;
}

export interface LineRec {
	name: string;
}

export interface StationRec {
	name: string;
	/** 駅すぱあと station code; a string as in the vendor's example. */
	code: string;
}

export interface ExpenseFlags {
	best_price: boolean;
	best_time: boolean;
	best_transfer: boolean;
	with_teiki: boolean;
	use_ic_card: boolean;
	reroute: boolean;
}

/** One settlement record as stored. Instants are epoch milliseconds. */
export interface ExpenseRec {
	id: number;
	userId: number;
	/** `YYYY-MM-DD`, Japan calendar date. */
	useDate: string;
	updatedAt: number;
	/** Fare plus limited-express charge, yen. */
	price: number;
	/** Ride distance in 100 m units. */
	distance: number;
	serializeData: string;
	movementStartTime: number;
	movementEndTime: number;
	/** Minutes at the destination. */
	sojournTime: number;
	calendarTitle: string;
	flags: ExpenseFlags;
	courseString: string;
	fromName: string;
	toName: string;
	lines: LineRec[];
	stations: StationRec[];
}

/** What `editExpense` may change; `updatedAt` is always set from the simulator clock. */
export type ExpenseChanges = Partial<Omit<ExpenseRec, 'id' | 'updatedAt' | 'flags'>> & {
	flags?: Partial<ExpenseFlags>;
};

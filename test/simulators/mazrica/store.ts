import type {
	ActionRec,
	AuditRec,
	ContactRec,
	CustomerRec,
	CustomItemDef,
	CustomObjectDefRec,
	CustomObjectRec,
	DealRec,
	DealTypeRec,
	LifecycleStageTypeRec,
	NamedItem,
	PhaseRec,
	ProbabilityRec,
	PurposeRec,
	RoleRec,
	UserGroupRec,
	UserRec,
} from './types';

/** Id sequences; settings children (phases, products …) share one sequence per kind across deal types. */
export type Sequence =
	| 'role'
	| 'user'
	| 'userGroup'
	| 'dealType'
	| 'phase'
	| 'product'
	| 'probability'
	| 'channel'
	| 'endPhaseReason'
	| 'purpose'
	| 'pattern'
	| 'customItem'
	| 'customItemOption'
	| 'productDetailType'
	| 'customer'
	| 'deal'
	| 'contact'
	| 'action'
	| 'file'
	| 'lifecycleStageType'
	| 'lifecycleStage'
	| 'customObject'
	| 'audit';

/** The simulator's in-memory tenant: every record, keyed by id, plus id sequences. */
export class MazricaStore {
	readonly roles = new Map<number, RoleRec>();
	readonly users = new Map<number, UserRec>();
	readonly userGroups = new Map<number, UserGroupRec>();
	readonly dealTypes = new Map<number, DealTypeRec>();
	/** [proposed] Action patterns (アクションの種別) are team-wide; purposes point at them. */
	readonly actionPatterns = new Map<number, NamedItem>();
	readonly customerCustomItems: CustomItemDef[] = [];
	readonly contactCustomItems: CustomItemDef[] = [];
	readonly actionCustomItems: CustomItemDef[] = [];
	readonly lifecycleStageTypes = new Map<number, LifecycleStageTypeRec>();
	readonly customers = new Map<number, CustomerRec>();
	readonly deals = new Map<number, DealRec>();
	readonly contacts = new Map<number, ContactRec>();
	readonly actions = new Map<number, ActionRec>();
	/** dealId → contact ids linked to the deal (案件コンタクト). */
	readonly dealContacts = new Map<number, Set<number>>();
	readonly customObjectDefs = new Map<string, CustomObjectDefRec>();
	readonly customObjects = new Map<number, CustomObjectRec>();
	readonly audits: AuditRec[] = [];
	private readonly sequences = new Map<Sequence, number>();

	nextId(sequence: Sequence): number {
		const next = (this.sequences.get(sequence) ?? 0) + 1;
		this.sequences.set(sequence, next);
		return next;
	}

	/** Peek at what the next id of a sequence will be, without taking it. */
	peekId(sequence: Sequence): number {
		return (this.sequences.get(sequence) ?? 0) + 1;
	}

	// ---- lookups into deal-type settings -------------------------------------------------------

	phase(id: number): { dealType: DealTypeRec; phase: PhaseRec } | undefined {
		for (const dealType of this.dealTypes.values()) {
			const phase = dealType.phases.find((p) => p.id === id);
			if (phase) return { dealType, phase };
		}
		return undefined;
	}

	purpose(id: number): { dealType: DealTypeRec; purpose: PurposeRec } | undefined {
		for (const dealType of this.dealTypes.values()) {
			const purpose = dealType.purposes.find((p) => p.id === id);
			if (purpose) return { dealType, purpose };
		}
		return undefined;
	}

	settingItem(
		kind: 'products' | 'channels' | 'endPhaseReasons' | 'productDetailTypes',
		id: number,
	): NamedItem | undefined {
		for (const dealType of this.dealTypes.values()) {
			const item = dealType[kind].find((p) => p.id === id);
			if (item) return item;
		}
		return undefined;
	}

	probability(id: number): ProbabilityRec | undefined {
		for (const dealType of this.dealTypes.values()) {
			const item = dealType.probabilities.find((p) => p.id === id);
			if (item) return item;
		}
		return undefined;
	}

	contactsOfDeal(dealId: number): Set<number> {
		let set = this.dealContacts.get(dealId);
		if (!set) {
			set = new Set();
			this.dealContacts.set(dealId, set);
		}
		return set;
	}

	// ---- cascades (§9) ------------------------------------------------------------------------

	/** Deletes a deal with its actions and contact links. Returns whether it existed. */
	deleteDeal(id: number): boolean {
		if (!this.deals.delete(id)) return false;
		for (const action of [...this.actions.values()]) {
			if (action.kind === 'deal' && action.dealId === id) this.actions.delete(action.id);
		}
		this.dealContacts.delete(id);
		return true;
	}

	/** Deletes a contact with its contact actions; unlinks it from deals and from other actions [proposed]. */
	deleteContact(id: number): boolean {
		if (!this.contacts.delete(id)) return false;
		for (const action of [...this.actions.values()]) {
			if (action.kind === 'contact' && action.contactId === id) this.actions.delete(action.id);
			else if (action.contactIds.includes(id))
				action.contactIds = action.contactIds.filter((c) => c !== id);
		}
		for (const set of this.dealContacts.values()) set.delete(id);
		return true;
	}

	/** Deletes a customer with all its deals, actions and contacts (§9, vendor doc). */
	deleteCustomer(id: number): boolean {
		if (!this.customers.delete(id)) return false;
		for (const deal of [...this.deals.values()])
			if (deal.customerId === id) this.deleteDeal(deal.id);
		for (const action of [...this.actions.values()]) {
			if (action.kind === 'customer' && action.customerId === id) this.actions.delete(action.id);
		}
		for (const contact of [...this.contacts.values()])
			if (contact.customerId === id) this.deleteContact(contact.id);
		return true;
	}

	clear(): void {
		this.roles.clear();
		this.users.clear();
		this.userGroups.clear();
		this.dealTypes.clear();
		this.actionPatterns.clear();
		this.customerCustomItems.length = 0;
		this.contactCustomItems.length = 0;
		this.actionCustomItems.length = 0;
		this.lifecycleStageTypes.clear();
		this.customers.clear();
		this.deals.clear();
		this.contacts.clear();
		this.actions.clear();
		this.dealContacts.clear();
		this.customObjectDefs.clear();
		this.customObjects.clear();
		this.audits.length = 0;
		this.sequences.clear();
	}
}

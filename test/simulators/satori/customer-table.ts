import type { CustomerRec } from './types';

/** One company's customers: unique by hashcode and by lower-cased email (spec §12.4). */
export class CustomerTable {
	private readonly byHashcode = new Map<string, CustomerRec>();
	private readonly byEmail = new Map<string, CustomerRec>();

	get size(): number {
		return this.byHashcode.size;
	}

	values(): IterableIterator<CustomerRec> {
		return this.byHashcode.values();
	}

	find(identityType: 'email' | 'hashcode', identity: string): CustomerRec | undefined {
		return identityType === 'hashcode'
			? this.byHashcode.get(identity)
			: this.byEmail.get(identity.toLowerCase());
	}

	add(customer: CustomerRec): void {
		this.byHashcode.set(customer.hashcode, customer);
		this.byEmail.set(customer.email.toLowerCase(), customer);
	}

	remove(customer: CustomerRec): void {
		this.byHashcode.delete(customer.hashcode);
		this.byEmail.delete(customer.email.toLowerCase());
	}

	changeEmail(customer: CustomerRec, email: string): void {
		this.byEmail.delete(customer.email.toLowerCase());
		customer.email = email;
		this.byEmail.set(email.toLowerCase(), customer);
	}

	clear(): void {
		this.byHashcode.clear();
		this.byEmail.clear();
	}
}

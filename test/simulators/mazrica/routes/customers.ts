import type { RouteContext } from '../context';
import { mergeCustoms, readCustoms } from '../customs';
import { jsonBody, Reader } from '../fields';
import { PAGE_SIZE, pageOf, pageParam, rangeParam, sortRecords, within } from '../filters';
import { compileSearch, type SearchFields, type SearchSchema } from '../search';
import type { MazricaStore } from '../store';
import type { CustomerRec, CustomItemDef, CustomValue } from '../types';
import { bulkRows, created, found, idOf, ok, validateRows } from './common';

type CustomerFields = Omit<CustomerRec, 'id' | 'customs' | 'createdAt' | 'updatedAt'>;
export type CustomerPatch = Partial<CustomerFields> & { customs?: CustomValue[] };

/** Reads a customer body for create (`name` required) or update (all optional). */
export function readCustomer(
	reader: Reader,
	store: MazricaStore,
	mode: 'create' | 'update',
): CustomerPatch {
	const patch: CustomerPatch = {};
	const name = reader.string('name', { required: mode === 'create', nonEmpty: true });
	if (typeof name === 'string') patch.name = name;
	for (const key of ['address', 'telNo', 'webUrl'] as const) {
		const value = reader.string(key, { nullable: true });
		if (value !== undefined) patch[key] = value;
	}
	for (const key of ['employee', 'capital'] as const) {
		const value = reader.integer(key, { nullable: true, min: 0 });
		if (value !== undefined) patch[key] = value;
	}
	const closingMonth = reader.integer('closingMonth', { nullable: true, min: 1, max: 12 });
	if (closingMonth !== undefined) patch.closingMonth = closingMonth;
	// `ownerRoleId: 0` clears the owner role (vendor doc); an unknown role is a problem [proposed].
	const ownerRoleId = reader.integer('ownerRoleId', { nullable: true, min: 0 });
	if (ownerRoleId === 0 || ownerRoleId === null) patch.ownerRoleId = null;
	else if (typeof ownerRoleId === 'number') {
		if (store.roles.has(ownerRoleId)) patch.ownerRoleId = ownerRoleId;
		else reader.issues.add(`ownerRoleId: role ${ownerRoleId} not found`);
	}
	const customs = readCustoms(reader, 'customerCustoms', store.customerCustomItems);
	if (customs !== undefined) patch.customs = customs;
	return patch;
}

export function newCustomer(store: MazricaStore, patch: CustomerPatch, now: number): CustomerRec {
	return {
		id: store.nextId('customer'),
		name: patch.name ?? '',
		address: patch.address ?? null,
		telNo: patch.telNo ?? null,
		webUrl: patch.webUrl ?? null,
		employee: patch.employee ?? null,
		capital: patch.capital ?? null,
		closingMonth: patch.closingMonth ?? null,
		ownerRoleId: patch.ownerRoleId ?? null,
		customs: mergeCustoms([], patch.customs),
		createdAt: now,
		updatedAt: now,
	};
}

export function applyCustomerPatch(customer: CustomerRec, patch: CustomerPatch, now: number): void {
	const { customs, ...fields } = patch;
	Object.assign(customer, fields);
	customer.customs = mergeCustoms(customer.customs, customs);
	customer.updatedAt = now;
}

/** [proposed] fields a search `valueFilter` may name on customers. */
export function customerSearchFields(defs: CustomItemDef[]): SearchFields<CustomerRec> {
	const fields: SearchFields<CustomerRec> = {
		id: { type: 'number', get: (c) => c.id, sortable: true },
		name: { type: 'string', get: (c) => c.name, sortable: true },
		address: { type: 'string', get: (c) => c.address, sortable: true },
		telNo: { type: 'string', get: (c) => c.telNo, sortable: true },
		webUrl: { type: 'string', get: (c) => c.webUrl, sortable: true },
		employee: { type: 'number', get: (c) => c.employee, sortable: true },
		capital: { type: 'number', get: (c) => c.capital, sortable: true },
		closingMonth: { type: 'number', get: (c) => c.closingMonth, sortable: true },
		ownerRoleId: { type: 'number', get: (c) => c.ownerRoleId, sortable: true },
		createdAt: { type: 'datetime', get: (c) => c.createdAt, sortable: true },
		updatedAt: { type: 'datetime', get: (c) => c.updatedAt, sortable: true },
	};
	for (const def of defs) fields[`customerCustoms.${def.itemKey}`] = customField(def);
	return fields;
}

export function customField<T extends { customs: CustomValue[] }>(
	def: CustomItemDef,
): SearchFields<T>[string] {
	const type =
		def.itemType === 'text'
			? 'string'
			: def.itemType === 'date'
				? 'date'
				: def.itemType === 'multi_select'
					? 'idList'
					: 'number';
	return {
		type,
		get: (r) => r.customs.find((v) => v.itemKey === def.itemKey)?.value ?? null,
		sortable: false,
	};
}

export const customerSortKeys = {
	updatedAt: (c: CustomerRec) => c.updatedAt,
	createdAt: (c: CustomerRec) => c.createdAt,
	id: (c: CustomerRec) => c.id,
};

/** Customers: list, search, CRUD, bulk create. */
export function customerRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;

	// #14 List: `searchWord` (partial match on the name; case-insensitive for Latin letters
	// [proposed]), `updatedAtFrom/To`, `sort` (updatedAt, createdAt, id).
	ctx.route('GET', '/customers', (req) => {
		const page = pageParam(req.query);
		const word = (req.query.get('searchWord') ?? '').toLowerCase();
		const updated = rangeParam(req.query, 'updatedAtFrom', 'updatedAtTo');
		const list = [...store.customers.values()].filter(
			(c) =>
				(!word || c.name.toLowerCase().includes(word)) &&
				within(c.updatedAt, updated.from, updated.to),
		);
		const sorted = sortRecords(list, req.query.get('sort'), customerSortKeys, '-updatedAt');
		return ok(pageOf(sorted, page, PAGE_SIZE, 'customers', (c) => serialize.customer(c)));
	});

	// #15 Create (201). `name` required.
	ctx.route('POST', '/customers', (req) => {
		const reader = new Reader(jsonBody(req));
		const patch = readCustomer(reader, store, 'create');
		reader.issues.throwIfAny();
		const customer = newCustomer(store, patch, ctx.now());
		store.customers.set(customer.id, customer);
		ctx.audit(req, 'create', 'customer', customer.id, customer.name);
		return created(serialize.customer(customer));
	});

	// #16 Search; `fieldreference` is not supported on customers (vendor doc). 100 per page [proposed].
	ctx.route('POST', '/customers/search', (req) => {
		const schema: SearchSchema<CustomerRec> = {
			resource: 'customers',
			fields: customerSearchFields(store.customerCustomItems),
			references: {},
		};
		const search = compileSearch(jsonBody(req), schema);
		const list = [...store.customers.values()].filter(search.predicate);
		const { compare } = search;
		const sorted = compare
			? list.sort((a, b) => compare(a, b) || a.id - b.id)
			: sortRecords(list, null, customerSortKeys, '-updatedAt');
		return ok(pageOf(sorted, search.page, PAGE_SIZE, 'customers', (c) => serialize.customer(c)));
	});

	// #20 Bulk create: all-or-nothing, ids in input order, no audit entries.
	ctx.route('POST', '/customers/bulk', (req) => {
		const rows = bulkRows(jsonBody(req), 'customers');
		const patches = validateRows(rows, (reader) => readCustomer(reader, store, 'create'));
		const now = ctx.now();
		const ids = patches.map((patch) => {
			const customer = newCustomer(store, patch, now);
			store.customers.set(customer.id, customer);
			return customer.id;
		});
		return ok(ids);
	});

	const customer = (id: number): CustomerRec => found(store.customers.get(id), 'customer', id);

	// #17
	ctx.route('GET', '/customers/:id', (req) =>
		ok(serialize.customer(customer(idOf(req, 'id', 'customer')))),
	);

	// #18 Partial update.
	ctx.route('PATCH', '/customers/:id', (req) => {
		const record = customer(idOf(req, 'id', 'customer'));
		const reader = new Reader(jsonBody(req));
		const patch = readCustomer(reader, store, 'update');
		reader.issues.throwIfAny();
		applyCustomerPatch(record, patch, ctx.now());
		ctx.audit(req, 'update', 'customer', record.id, record.name);
		return ok(serialize.customer(record));
	});

	// #19 Delete, with the customer's deals, actions and contacts (vendor doc). Empty 200 body [proposed].
	ctx.route('DELETE', '/customers/:id', (req) => {
		const record = customer(idOf(req, 'id', 'customer'));
		store.deleteCustomer(record.id);
		ctx.audit(req, 'delete', 'customer', record.id, record.name);
		return ok();
	});
}

import type { SimRequest } from '../../../kit/simulator';
import type { RouteContext } from '../context';
import { badRequest, CUSTOM_OBJECT_PLAN_MESSAGE, forbidden } from '../errors';
import { isObject, jsonBody, Reader, type Json, type Issues } from '../fields';
import { PAGE_SIZE, pageOf, pageParam, rangeParam, sortRecords, within } from '../filters';
import { parseDateTime, toIso } from '../time';
import type {
	CustomObjectDefRec,
	CustomObjectItemDef,
	CustomObjectItemType,
	CustomObjectOptionDef,
	CustomObjectRec,
	CustomObjectValue,
} from '../types';
import { bulkRows, created, found, idOf, ok, validateRows } from './common';

const ITEM_TYPES: CustomObjectItemType[] = [
	'text',
	'date',
	'number',
	'decimal_number',
	'single_select',
	'multi_select',
];
/** [proposed] What a definition, item or option key may look like. */
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Keys of a fetched record that may be echoed back in a body and are ignored [proposed]. */
const ECHO_KEYS = ['id', 'createdAt', 'updatedAt'];

/** [proposed] `customObjectOptionDefs: [{ "key", "name" }]`; the document's "Array of Array of objects" is flattened one level. */
function readOptionDefs(reader: Reader, where: string): CustomObjectOptionDef[] | undefined {
	const list = reader.array('customObjectOptionDefs');
	if (list === undefined) return undefined;
	const out: CustomObjectOptionDef[] = [];
	list.flat().forEach((entry, i) => {
		if (!isObject(entry) || typeof entry.key !== 'string' || !KEY_PATTERN.test(entry.key)) {
			reader.issues.add(
				`${where}customObjectOptionDefs[${i}].key is required (letters, digits, _)`,
			);
		} else if (typeof entry.name !== 'string' || entry.name.trim() === '') {
			reader.issues.add(`${where}customObjectOptionDefs[${i}].name is required`);
		} else if (out.some((o) => o.key === entry.key)) {
			reader.issues.add(`${where}customObjectOptionDefs[${i}].key "${entry.key}" is duplicated`);
		} else out.push({ key: entry.key, name: entry.name });
	});
	return out;
}

/** A new field definition: `name`, `key`, `itemType` required (vendor doc). */
function readItemDef(
	reader: Reader,
	existing: CustomObjectItemDef[],
	where = '',
): CustomObjectItemDef | undefined {
	const name = reader.string('name', { required: true });
	const key = reader.string('key', { required: true });
	const itemType = reader.string('itemType', { required: true });
	if (typeof key === 'string') {
		if (!KEY_PATTERN.test(key))
			reader.issues.add(`${where}key may contain letters, digits and _ only`);
		else if (existing.some((i) => i.key === key))
			reader.issues.add(`${where}key "${key}" already exists`);
	}
	if (typeof itemType === 'string' && !ITEM_TYPES.includes(itemType as CustomObjectItemType)) {
		reader.issues.add(`${where}itemType must be one of ${ITEM_TYPES.join(', ')}`);
	}
	const options = readOptionDefs(reader, where) ?? [];
	if (typeof name !== 'string' || typeof key !== 'string' || typeof itemType !== 'string')
		return undefined;
	const type = itemType as CustomObjectItemType;
	return {
		key,
		name,
		itemType: type,
		options: type === 'single_select' || type === 'multi_select' ? options : [],
	};
}

/** A list of field definitions inside a definition body. */
function readItemDefs(
	reader: Reader,
	existing: CustomObjectItemDef[],
): CustomObjectItemDef[] | undefined {
	const list = reader.array('customObjectItemDefs');
	if (list === undefined) return undefined;
	const out: CustomObjectItemDef[] = [];
	list.forEach((entry, i) => {
		if (!isObject(entry)) {
			reader.issues.add(`customObjectItemDefs[${i}] must be an object`);
			return;
		}
		const item = readItemDef(
			new Reader(entry, reader.issues),
			[...existing, ...out],
			`customObjectItemDefs[${i}].`,
		);
		if (item) out.push(item);
	});
	return out;
}

/** Record values by item type (vendor doc); null clears; unknown keys are problems. */
function readValues(
	body: Json,
	def: CustomObjectDefRec,
	issues: Issues,
): Record<string, CustomObjectValue> {
	const out: Record<string, CustomObjectValue> = {};
	for (const [key, value] of Object.entries(body)) {
		if (ECHO_KEYS.includes(key)) continue;
		const item = def.items.find((i) => i.key === key);
		if (!item) {
			issues.add(
				`${key}: not an item key of custom object "${def.key}" (known: ${def.items.map((i) => i.key).join(', ')})`,
			);
			continue;
		}
		if (value === null) {
			out[key] = null;
			continue;
		}
		const optionKeys = item.options.map((o) => o.key);
		switch (item.itemType) {
			case 'text':
				if (typeof value === 'string') out[key] = value;
				else issues.add(`${key}: text items take a string`);
				break;
			case 'date': {
				const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
				// Stored and served in Japan time [proposed].
				if (ms !== undefined) out[key] = toIso(ms);
				else
					issues.add(`${key}: date items take an ISO 8601 string, e.g. 2023-04-22T00:02:03+09:00`);
				break;
			}
			case 'number':
				if (typeof value === 'number' && Number.isInteger(value)) out[key] = value;
				else issues.add(`${key}: number items take an integer`);
				break;
			case 'decimal_number':
				if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) out[key] = value;
				else issues.add(`${key}: decimal_number items take a string such as "12.50"`);
				break;
			case 'single_select':
				if (typeof value === 'string' && optionKeys.includes(value)) out[key] = value;
				else
					issues.add(`${key}: single_select items take one option key (${optionKeys.join(', ')})`);
				break;
			case 'multi_select':
				if (
					Array.isArray(value) &&
					value.every((v) => typeof v === 'string' && optionKeys.includes(v))
				) {
					out[key] = value as string[];
				} else
					issues.add(
						`${key}: multi_select items take an array of option keys (${optionKeys.join(', ')})`,
					);
				break;
		}
	}
	return out;
}

/** Custom object definitions (#59–63), their fields (#64–66) and records (#67–73). */
export function customObjectRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;

	/** Every endpoint here is plan-gated (vendor doc; the two bulk ones too [proposed]). */
	const gate = (req: SimRequest): void => {
		if (!ctx.plan(req).customObjects) forbidden(CUSTOM_OBJECT_PLAN_MESSAGE);
	};
	const route = (
		method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
		path: string,
		handler: (req: SimRequest) => ReturnType<typeof ok>,
	) =>
		ctx.route(method, path, (req) => {
			gate(req);
			return handler(req);
		});
	const definition = (key: string): CustomObjectDefRec =>
		found(store.customObjectDefs.get(key), 'custom object definition', key);
	const checkBi = (req: SimRequest, reader: Reader): boolean | undefined => {
		// Q7: the body says `enable_bi`; `enableBi` in a body is not a documented field and is ignored.
		const enableBi = reader.boolean('enable_bi');
		if (enableBi === true && !ctx.plan(req).bi) {
			reader.issues.add('enable_bi: BIが利用可能な契約プランではないため true にできません');
		}
		return enableBi;
	};

	// #59 `searchWord` on the name. Default order: updatedAt descending.
	route('GET', '/custom_object_defs', (req) => {
		const page = pageParam(req.query);
		const word = (req.query.get('searchWord') ?? '').toLowerCase();
		const defs = [...store.customObjectDefs.values()]
			.filter((d) => !word || d.name.toLowerCase().includes(word))
			.map((d) => ({ id: d.key, def: d }));
		const sorted = sortRecords(
			defs,
			req.query.get('sort'),
			{ updatedAt: (w) => w.def.updatedAt, createdAt: (w) => w.def.createdAt },
			'-updatedAt',
		);
		return ok(
			pageOf(sorted, page, PAGE_SIZE, 'customObjectDefs', (w) => serialize.customObjectDef(w.def)),
		);
	});

	// #60 Create (201): `name`, `key` required.
	route('POST', '/custom_object_defs', (req) => {
		const reader = new Reader(jsonBody(req));
		const name = reader.string('name', { required: true });
		const key = reader.string('key', { required: true });
		if (typeof key === 'string') {
			if (!KEY_PATTERN.test(key)) reader.issues.add('key may contain letters, digits and _ only');
			else if (store.customObjectDefs.has(key)) reader.issues.add(`key "${key}" already exists`);
		}
		const enableBi = checkBi(req, reader);
		const items = readItemDefs(reader, []);
		reader.issues.throwIfAny();
		const now = ctx.now();
		const def: CustomObjectDefRec = {
			key: key as string,
			name: name as string,
			enableBi: enableBi ?? false,
			items: items ?? [],
			createdAt: now,
			updatedAt: now,
		};
		store.customObjectDefs.set(def.key, def);
		ctx.audit(req, 'create', 'custom_object_def', def.key, def.name);
		return created(serialize.customObjectDef(def));
	});

	// #61 The document lists 400 (no 404) here; an unknown key is a 404 like everywhere else [proposed].
	route('GET', '/custom_object_defs/:key', (req) =>
		ok(serialize.customObjectDef(definition(req.params.key))),
	);

	// #62 `newKey` renames (records follow); `customObjectItemDefs` adds fields, or renames/re-options
	// fields with a matching key [proposed merge].
	route('PATCH', '/custom_object_defs/:key', (req) => {
		const def = definition(req.params.key);
		const reader = new Reader(jsonBody(req));
		const name = reader.string('name', { nonEmpty: true });
		const newKey = reader.string('newKey', { nonEmpty: true });
		if (typeof newKey === 'string' && newKey !== def.key) {
			if (!KEY_PATTERN.test(newKey))
				reader.issues.add('newKey may contain letters, digits and _ only');
			else if (store.customObjectDefs.has(newKey))
				reader.issues.add(`key "${newKey}" already exists`);
		}
		const enableBi = checkBi(req, reader);
		const list = reader.array('customObjectItemDefs');
		const additions: CustomObjectItemDef[] = [];
		const changes: Array<{
			item: CustomObjectItemDef;
			name?: string;
			options?: CustomObjectOptionDef[];
		}> = [];
		list?.forEach((entry, i) => {
			if (!isObject(entry))
				return reader.issues.add(`customObjectItemDefs[${i}] must be an object`);
			const current = def.items.find((item) => item.key === entry.key);
			const itemReader = new Reader(entry, reader.issues);
			if (current) {
				const itemName = itemReader.string('name', { nonEmpty: true });
				changes.push({
					item: current,
					name: typeof itemName === 'string' ? itemName : undefined,
					options: readOptionDefs(itemReader, `customObjectItemDefs[${i}].`),
				});
			} else {
				const item = readItemDef(
					itemReader,
					[...def.items, ...additions],
					`customObjectItemDefs[${i}].`,
				);
				if (item) additions.push(item);
			}
		});
		reader.issues.throwIfAny();
		if (typeof name === 'string') def.name = name;
		if (enableBi !== undefined) def.enableBi = enableBi;
		for (const change of changes) {
			if (change.name) change.item.name = change.name;
			const select =
				change.item.itemType === 'single_select' || change.item.itemType === 'multi_select';
			if (change.options && select) change.item.options = change.options;
		}
		def.items.push(...additions);
		if (typeof newKey === 'string' && newKey !== def.key) {
			store.customObjectDefs.delete(def.key);
			for (const record of store.customObjects.values())
				if (record.defKey === def.key) record.defKey = newKey;
			def.key = newKey;
			store.customObjectDefs.set(def.key, def);
		}
		def.updatedAt = ctx.now();
		ctx.audit(req, 'update', 'custom_object_def', def.key, def.name);
		return ok(serialize.customObjectDef(def));
	});

	// #63 Deletes the definition and its records. Empty 200 body [proposed].
	route('DELETE', '/custom_object_defs/:key', (req) => {
		const def = definition(req.params.key);
		store.customObjectDefs.delete(def.key);
		for (const record of [...store.customObjects.values()])
			if (record.defKey === def.key) store.customObjects.delete(record.id);
		ctx.audit(req, 'delete', 'custom_object_def', def.key, def.name);
		return ok();
	});

	// #64 Add a field (201); `before` inserts before a key, else appended (vendor doc).
	route('POST', '/custom_object_defs/:custom_object_def_key/custom_object_item_defs', (req) => {
		const def = definition(req.params.custom_object_def_key);
		const reader = new Reader(jsonBody(req));
		const item = readItemDef(reader, def.items);
		const before = reader.string('before', { nonEmpty: true });
		if (typeof before === 'string' && !def.items.some((i) => i.key === before))
			reader.issues.add(`before: item key "${before}" not found`);
		reader.issues.throwIfAny();
		if (!item) return badRequest('invalid item definition');
		const at = typeof before === 'string' ? def.items.findIndex((i) => i.key === before) : -1;
		if (at >= 0) def.items.splice(at, 0, item);
		else def.items.push(item);
		def.updatedAt = ctx.now();
		ctx.audit(req, 'create', 'custom_object_item_def', `${def.key}.${item.key}`, item.name);
		return created(serialize.customObjectItemDef(item));
	});

	const itemOf = (req: SimRequest): { def: CustomObjectDefRec; item: CustomObjectItemDef } => {
		const def = definition(req.params.custom_object_def_key);
		const item = found(
			def.items.find((i) => i.key === req.params.key),
			'custom object item',
			req.params.key,
		);
		return { def, item };
	};
	const removeItem = (def: CustomObjectDefRec, item: CustomObjectItemDef): void => {
		def.items = def.items.filter((i) => i !== item);
		for (const record of store.customObjects.values())
			if (record.defKey === def.key) delete record.values[item.key];
		def.updatedAt = ctx.now();
	};

	// #65 Update a field; `newKey` renames (values follow), `delete: true` deletes (vendor doc).
	route(
		'PATCH',
		'/custom_object_defs/:custom_object_def_key/custom_object_item_defs/:key',
		(req) => {
			const { def, item } = itemOf(req);
			const reader = new Reader(jsonBody(req));
			const name = reader.string('name', { nonEmpty: true });
			const newKey = reader.string('newKey', { nonEmpty: true });
			const remove = reader.boolean('delete');
			if (typeof newKey === 'string' && newKey !== item.key) {
				if (!KEY_PATTERN.test(newKey))
					reader.issues.add('newKey may contain letters, digits and _ only');
				else if (def.items.some((i) => i.key === newKey))
					reader.issues.add(`key "${newKey}" already exists`);
			}
			const options = readOptionDefs(reader, '');
			reader.issues.throwIfAny();
			if (remove === true) {
				const body = serialize.customObjectItemDef(item);
				removeItem(def, item);
				ctx.audit(req, 'delete', 'custom_object_item_def', `${def.key}.${item.key}`, item.name);
				return ok(body);
			}
			if (typeof name === 'string') item.name = name;
			if (options && (item.itemType === 'single_select' || item.itemType === 'multi_select'))
				item.options = options;
			if (typeof newKey === 'string' && newKey !== item.key) {
				for (const record of store.customObjects.values()) {
					if (record.defKey === def.key && item.key in record.values) {
						record.values[newKey] = record.values[item.key];
						delete record.values[item.key];
					}
				}
				item.key = newKey;
			}
			def.updatedAt = ctx.now();
			ctx.audit(req, 'update', 'custom_object_item_def', `${def.key}.${item.key}`, item.name);
			return ok(serialize.customObjectItemDef(item));
		},
	);

	// #66 Empty 200 body [proposed].
	route(
		'DELETE',
		'/custom_object_defs/:custom_object_def_key/custom_object_item_defs/:key',
		(req) => {
			const { def, item } = itemOf(req);
			removeItem(def, item);
			ctx.audit(req, 'delete', 'custom_object_item_def', `${def.key}.${item.key}`, item.name);
			return ok();
		},
	);

	const recordsOf = (def: CustomObjectDefRec): CustomObjectRec[] =>
		[...store.customObjects.values()].filter((r) => r.defKey === def.key);
	const dateFilter = (req: SimRequest): ((r: CustomObjectRec) => boolean) => {
		const createdAt = rangeParam(req.query, 'createdAtFrom', 'createdAtTo');
		const updatedAt = rangeParam(req.query, 'updatedAtFrom', 'updatedAtTo');
		return (r) =>
			within(r.createdAt, createdAt.from, createdAt.to) &&
			within(r.updatedAt, updatedAt.from, updatedAt.to);
	};
	const newRecord = (
		def: CustomObjectDefRec,
		values: Record<string, CustomObjectValue>,
		now: number,
	): CustomObjectRec => {
		const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
		return {
			id: store.nextId('customObject'),
			defKey: def.key,
			values: clean,
			createdAt: now,
			updatedAt: now,
		};
	};

	// #67 Filters `createdAtFrom/To`, `updatedAtFrom/To` (the document's `+900` offset form is read
	// as +09:00). The document lists `startDatetime` as sortable here — a copy error, as records
	// have no such field; it is refused like any unknown key [proposed].
	route('GET', '/custom_object_defs/:custom_object_def_key/custom_objects', (req) => {
		const def = definition(req.params.custom_object_def_key);
		const page = pageParam(req.query);
		const keep = dateFilter(req);
		const sorted = sortRecords(
			recordsOf(def).filter(keep),
			req.query.get('sort'),
			{ updatedAt: (r) => r.updatedAt, createdAt: (r) => r.createdAt, id: (r) => r.id },
			'-updatedAt',
		);
		return ok(pageOf(sorted, page, PAGE_SIZE, 'customObjects', (r) => serialize.customObject(r)));
	});

	// #68 Create (201): the body is `{ <itemKey>: value, … }`.
	route('POST', '/custom_object_defs/:custom_object_def_key/custom_objects', (req) => {
		const def = definition(req.params.custom_object_def_key);
		const reader = new Reader(jsonBody(req));
		const values = readValues(reader.body, def, reader.issues);
		reader.issues.throwIfAny();
		const record = newRecord(def, values, ctx.now());
		store.customObjects.set(record.id, record);
		ctx.audit(req, 'create', 'custom_object', record.id, def.name);
		return created(serialize.customObject(record));
	});

	// #72 Bulk create (registered before `/:id`): all-or-nothing, no audit entries.
	route('POST', '/custom_object_defs/:custom_object_def_key/custom_objects/bulk', (req) => {
		const def = definition(req.params.custom_object_def_key);
		const rows = bulkRows(jsonBody(req), 'customObjects');
		const prepared = validateRows(rows, (reader) => readValues(reader.body, def, reader.issues));
		const now = ctx.now();
		return ok(
			prepared.map((values) => {
				const record = newRecord(def, values, now);
				store.customObjects.set(record.id, record);
				return record.id;
			}),
		);
	});

	// #73 Bulk delete by date filters; no filter deletes every record of the definition (no cap is
	// documented). No audit entries (Q12). Answers the deleted ids [proposed].
	route('DELETE', '/custom_object_defs/:custom_object_def_key/custom_objects/bulk', (req) => {
		const def = definition(req.params.custom_object_def_key);
		const keep = dateFilter(req);
		const doomed = recordsOf(def).filter(keep);
		for (const record of doomed) store.customObjects.delete(record.id);
		return ok(doomed.map((r) => r.id).sort((a, b) => a - b));
	});

	const record = (req: SimRequest): { def: CustomObjectDefRec; rec: CustomObjectRec } => {
		const def = definition(req.params.custom_object_def_key);
		const id = idOf(req, 'id', 'custom object');
		const rec = store.customObjects.get(id);
		return {
			def,
			rec: found(rec && rec.defKey === def.key ? rec : undefined, 'custom object', id),
		};
	};

	// #69
	route('GET', '/custom_object_defs/:custom_object_def_key/custom_objects/:id', (req) =>
		ok(serialize.customObject(record(req).rec)),
	);

	// #70 Partial update; null clears an item [proposed].
	route('PATCH', '/custom_object_defs/:custom_object_def_key/custom_objects/:id', (req) => {
		const { def, rec } = record(req);
		const reader = new Reader(jsonBody(req));
		const values = readValues(reader.body, def, reader.issues);
		reader.issues.throwIfAny();
		for (const [key, value] of Object.entries(values)) {
			if (value === null) delete rec.values[key];
			else rec.values[key] = value;
		}
		rec.updatedAt = ctx.now();
		ctx.audit(req, 'update', 'custom_object', rec.id, def.name);
		return ok(serialize.customObject(rec));
	});

	// #71 Empty 200 body [proposed].
	route('DELETE', '/custom_object_defs/:custom_object_def_key/custom_objects/:id', (req) => {
		const { def, rec } = record(req);
		store.customObjects.delete(rec.id);
		ctx.audit(req, 'delete', 'custom_object', rec.id, def.name);
		return ok();
	});
}

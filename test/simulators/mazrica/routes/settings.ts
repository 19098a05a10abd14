import type { RouteContext } from '../context';
import { pruneCustoms } from '../customs';
import { forbidden, LIFECYCLE_PLAN_MESSAGE } from '../errors';
import { isObject, jsonBody, Reader } from '../fields';
import type { CustomItemDef, CustomItemOption } from '../types';
import { created, found, idOf, ok } from './common';

const ACTION_ITEM_TYPES = ['text', 'single_select'] as const;
/** [proposed] What an API item key may look like. */
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Action / customer / contact / deal-type settings, action custom items, lifecycle stages. */
export function settingsRoutes(ctx: RouteContext): void {
	const { store, serialize } = ctx;

	/** [proposed] Options are written as `[{ "name": "…" }]`; an `id` of an existing option keeps it. */
	const readOptions = (
		reader: Reader,
		current: CustomItemOption[],
	): CustomItemOption[] | undefined => {
		const list = reader.array('actionCustomItemOptions');
		if (list === undefined) return undefined;
		const out: CustomItemOption[] = [];
		for (const [i, entry] of list.entries()) {
			if (!isObject(entry) || typeof entry.name !== 'string' || entry.name.trim() === '') {
				reader.issues.add(`actionCustomItemOptions[${i}].name is required`);
				continue;
			}
			const keep =
				typeof entry.id === 'number' ? current.find((o) => o.id === entry.id) : undefined;
			out.push({ id: keep?.id ?? store.nextId('customItemOption'), name: entry.name });
		}
		return out;
	};

	const actionItem = (key: string): CustomItemDef =>
		found(
			store.actionCustomItems.find((d) => d.itemKey === key),
			'action custom item',
			key,
		);

	const removeActionItem = (def: CustomItemDef): void => {
		store.actionCustomItems.splice(store.actionCustomItems.indexOf(def), 1);
		for (const action of store.actions.values())
			action.customs = pruneCustoms(action.customs, store.actionCustomItems);
	};

	// #9
	ctx.route('GET', '/action_setting', () =>
		ok({ actionCustomItems: store.actionCustomItems.map((d) => serialize.actionCustomItem(d)) }),
	);

	// #10 Add an action custom item (201).
	ctx.route('POST', '/action_custom_items', (req) => {
		const reader = new Reader(jsonBody(req));
		const name = reader.string('name', { required: true });
		const itemType = reader.string('itemType', { required: true });
		const itemKey = reader.string('itemKey', { nonEmpty: true });
		const before = reader.string('before', { nonEmpty: true });
		if (
			typeof itemType === 'string' &&
			!(ACTION_ITEM_TYPES as readonly string[]).includes(itemType)
		) {
			reader.issues.add(`itemType must be one of ${ACTION_ITEM_TYPES.join(', ')}`);
		}
		if (typeof itemKey === 'string') {
			if (!KEY_PATTERN.test(itemKey))
				reader.issues.add('itemKey may contain letters, digits and _ only');
			if (store.actionCustomItems.some((d) => d.itemKey === itemKey))
				reader.issues.add(`itemKey "${itemKey}" already exists`);
		}
		if (typeof before === 'string' && !store.actionCustomItems.some((d) => d.itemKey === before)) {
			reader.issues.add(`before: itemKey "${before}" not found`);
		}
		const options = readOptions(reader, []);
		reader.issues.throwIfAny();
		const id = store.nextId('customItem');
		const def: CustomItemDef = {
			id,
			// [proposed] generated key when omitted
			itemKey: itemKey ?? `action_item_${id}`,
			name: name as string,
			itemType: itemType as CustomItemDef['itemType'],
			options: itemType === 'single_select' ? (options ?? []) : [],
		};
		const at =
			typeof before === 'string'
				? store.actionCustomItems.findIndex((d) => d.itemKey === before)
				: -1;
		if (at >= 0) store.actionCustomItems.splice(at, 0, def);
		else store.actionCustomItems.push(def);
		ctx.audit(req, 'create', 'action_custom_item', def.id, def.name);
		return created(serialize.actionCustomItem(def));
	});

	// #11 Update; `newItemKey` renames (values follow [proposed]); `delete: true` deletes (vendor doc).
	ctx.route('PATCH', '/action_custom_items/:item_key', (req) => {
		const def = actionItem(req.params.item_key);
		const reader = new Reader(jsonBody(req));
		const name = reader.string('name', { nonEmpty: true });
		const newItemKey = reader.string('newItemKey', { nonEmpty: true });
		const remove = reader.boolean('delete');
		if (typeof newItemKey === 'string' && newItemKey !== def.itemKey) {
			if (!KEY_PATTERN.test(newItemKey))
				reader.issues.add('newItemKey may contain letters, digits and _ only');
			if (store.actionCustomItems.some((d) => d.itemKey === newItemKey))
				reader.issues.add(`itemKey "${newItemKey}" already exists`);
		}
		const options = readOptions(reader, def.options);
		reader.issues.throwIfAny();
		if (remove === true) {
			const body = serialize.actionCustomItem(def);
			removeActionItem(def);
			ctx.audit(req, 'delete', 'action_custom_item', def.id, def.name);
			return ok(body);
		}
		if (typeof name === 'string') def.name = name;
		if (options !== undefined && def.itemType === 'single_select') def.options = options;
		if (typeof newItemKey === 'string' && newItemKey !== def.itemKey) {
			const old = def.itemKey;
			def.itemKey = newItemKey;
			for (const action of store.actions.values()) {
				for (const value of action.customs) if (value.itemKey === old) value.itemKey = newItemKey;
			}
		}
		ctx.audit(req, 'update', 'action_custom_item', def.id, def.name);
		return ok(serialize.actionCustomItem(def));
	});

	// #12 Delete; 200 with an empty body [proposed].
	ctx.route('DELETE', '/action_custom_items/:item_key', (req) => {
		const def = actionItem(req.params.item_key);
		removeActionItem(def);
		ctx.audit(req, 'delete', 'action_custom_item', def.id, def.name);
		return ok();
	});

	// #13, #45
	ctx.route('GET', '/customer_setting', () =>
		ok({ customerCustomItems: store.customerCustomItems.map((d) => serialize.customItemDef(d)) }),
	);
	ctx.route('GET', '/contact_setting', () =>
		ok({ contactCustomItems: store.contactCustomItems.map((d) => serialize.customItemDef(d)) }),
	);

	// #27 The sample is one `{id, name}` (Q5); it is a list of deal types, served as an array [proposed].
	ctx.route('GET', '/deal_setting/deal_types', () =>
		ok([...store.dealTypes.values()].map((d) => ({ id: d.id, name: d.name }))),
	);

	// #28
	ctx.route('GET', '/deal_setting/deal_types/:id', (req) => {
		const id = idOf(req, 'id', 'deal type');
		return ok(serialize.dealTypeSettings(found(store.dealTypes.get(id), 'deal type', id)));
	});

	// #58 Lifecycle stages: plan-gated; 403 when the plan lacks them [proposed code]. Inner shape [proposed].
	ctx.route('GET', '/lifecycle_stage_setting', (req) => {
		if (!ctx.plan(req).lifecycleStages) forbidden(LIFECYCLE_PLAN_MESSAGE);
		return ok({
			lifecycleStageTypes: [...store.lifecycleStageTypes.values()].map((t) => ({
				id: t.id,
				name: t.name,
				lifecycleStages: t.stages.map((s) => ({ id: s.id, name: s.name, orderNum: s.orderNum })),
			})),
		});
	});
}

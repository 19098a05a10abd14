import { sample } from '../../kit/sample';
import {
	COMPANY_STEMS,
	COMPANY_TRADES,
	DEPARTMENTS,
	FAMILY_NAMES,
	GIVEN_NAMES,
	MEMOS,
	PLACES,
	POSITIONS,
	PRE_NOTES,
	REGIONS,
	RESULTS,
} from './seed-data';
import type { MazricaStore } from './store';
import { japanDatePlusDays, parseDateTime, toIso, truncateToSecond } from './time';
import type {
	ActionKind,
	ActionRec,
	AuditRec,
	CustomItemDef,
	CustomItemType,
	CustomObjectItemDef,
	CustomValue,
	DealTypeRec,
	NamedItem,
} from './types';

/** How much demo data to generate. Defaults give every paged list more than one page. */
export interface SeedOptions {
	users?: number;
	customers?: number;
	contacts?: number;
	deals?: number;
	customerActions?: number;
	dealActions?: number;
	contactActions?: number;
	/** Records of the `product_master` custom object (the `contract` object gets a fifth of it). */
	customObjects?: number;
	/** Write 'web' audit entries for the seeded records' creation and last edit. Default true. */
	auditHistory?: boolean;
	/** Seeded timestamps lie in the year before this instant. Default 2025-03-31T18:00:00+09:00. */
	anchor?: string;
	/**
	 * This many customers, contacts and deals (a third of those deals moved to their type's won
	 * phase) were last edited in the 12 hours before `anchor`, so that "changed since yesterday"
	 * finds records when `anchor` is now. Default 0.
	 */
	recentChanges?: number;
	/** PRNG seed; the same options always produce the same tenant. */
	randomSeed?: number;
}

export const DEFAULT_SEED: Required<SeedOptions> = {
	users: 12,
	customers: 150,
	contacts: 300,
	deals: 250,
	customerActions: 200,
	dealActions: 400,
	contactActions: 150,
	customObjects: 150,
	auditHistory: true,
	anchor: '2025-03-31T18:00:00+09:00',
	recentChanges: 0,
	randomSeed: 20250331,
};

const DAY = 86_400_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
	// State in a typed array: plain closure numbers above 2^31 would be boxed on every call.
	const state = new Int32Array([seed | 0]);
	return () => {
		state[0] = (state[0] + 0x6d2b79f5) | 0;
		let t = state[0];
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Dice {
	constructor(private readonly next: () => number) {}
	float(): number {
		return this.next();
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)];
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	/** Up to `max` distinct items. */
	some<T>(list: readonly T[], max: number): T[] {
		return this.sample(list, this.int(0, max));
	}
	/** `count` distinct items (all of them when the list is shorter). */
	sample<T>(list: readonly T[], count: number): T[] {
		return sample(list, count, this.next);
	}
}

export function seedStore(store: MazricaStore, options: SeedOptions = {}): void {
	const o = { ...DEFAULT_SEED, ...options };
	const anchor = parseDateTime(o.anchor);
	if (anchor === undefined) throw new Error(`bad seed anchor ${o.anchor}`);
	const dice = new Dice(prng(o.randomSeed));
	store.clear();

	const pastSpan = (): { createdAt: number; updatedAt: number } => {
		const createdAt = truncateToSecond(anchor - dice.int(DAY, 365 * DAY));
		const updatedAt = dice.chance(0.3)
			? createdAt
			: truncateToSecond(createdAt + dice.float() * (anchor - createdAt));
		return { createdAt, updatedAt };
	};

	// ---- organisation -------------------------------------------------------------------------
	const roleDefs: Array<[string, number | null]> = [
		['全社', null],
		['営業本部', 1],
		['東日本営業部', 2],
		['西日本営業部', 2],
		['インサイドセールス', 1],
		['カスタマーサクセス', 1],
	];
	for (const [i, [name, parentRoleId]] of roleDefs.entries()) {
		const id = store.nextId('role');
		store.roles.set(id, { id, name, orderNum: i + 1, parentRoleId });
	}
	for (let i = 0; i < o.users; i++) {
		const id = store.nextId('user');
		const [family, familyRomaji] = FAMILY_NAMES[i % FAMILY_NAMES.length];
		const [given, givenRomaji] = GIVEN_NAMES[(i * 7) % GIVEN_NAMES.length];
		const suffix = i >= FAMILY_NAMES.length ? String(Math.floor(i / FAMILY_NAMES.length) + 1) : '';
		const span = pastSpan();
		store.users.set(id, {
			id,
			name: `${family} ${given}`,
			email: `${givenRomaji}.${familyRomaji}${suffix}@sales.example.co.jp`,
			roleId: i === 0 ? 1 : dice.int(2, roleDefs.length),
			...span,
		});
	}
	const userIds = [...store.users.keys()];
	const groupDefs: Array<[string, number[]]> = [
		['営業1課', [2, 3, 4]],
		['営業2課', [5, 6, 7]],
		['インサイドセールス', [8, 9]],
		['マネージャー', [1, 2, 5]],
	];
	for (const [i, [name, members]] of groupDefs.entries()) {
		const id = store.nextId('userGroup');
		store.userGroups.set(id, {
			id,
			name,
			orderNum: i + 1,
			userIds: members.filter((m) => store.users.has(m)),
		});
	}

	// ---- settings -----------------------------------------------------------------------------
	for (const name of ['訪問', '電話', 'メール', 'Web会議', '展示会・セミナー', 'その他']) {
		const id = store.nextId('pattern');
		store.actionPatterns.set(id, { id, name });
	}
	const patternId = (name: string): number =>
		[...store.actionPatterns.values()].find((p) => p.name === name)?.id ?? 6;
	const named = (sequence: Parameters<MazricaStore['nextId']>[0], names: string[]): NamedItem[] =>
		names.map((name) => ({ id: store.nextId(sequence), name }));
	const customItem = (
		itemKey: string,
		name: string,
		itemType: CustomItemType,
		options: string[] = [],
	): CustomItemDef => ({
		id: store.nextId('customItem'),
		itemKey,
		name,
		itemType,
		options: options.map((optionName) => ({
			id: store.nextId('customItemOption'),
			name: optionName,
		})),
	});

	const dealTypeDefs: Array<{
		name: string;
		phases: Array<[string, 'won' | 'lost' | null]>;
		products: string[];
		probabilities: Array<[string, number]>;
		channels: string[];
		reasons: string[];
		purposes: Array<[string, string]>;
		customItems: () => CustomItemDef[];
		detailTypes: string[];
	}> = [
		{
			name: '新規開拓',
			phases: [
				['リード獲得', null],
				['ヒアリング', null],
				['提案', null],
				['見積提出', null],
				['最終交渉', null],
				['受注', 'won'],
				['失注', 'lost'],
			],
			products: [
				'クラウド会計パッケージ',
				'勤怠管理システム',
				'経費精算クラウド',
				'導入支援サービス',
			],
			probabilities: [
				['A (80%)', 80],
				['B (50%)', 50],
				['C (20%)', 20],
				['D (5%)', 5],
			],
			channels: ['Web問い合わせ', '展示会', '紹介', 'テレアポ', 'セミナー'],
			reasons: ['価格が合わない', '機能不足', '競合に決定', '予算凍結', '時期尚早'],
			purposes: [
				['初回訪問', '訪問'],
				['ヒアリング', 'Web会議'],
				['提案', '訪問'],
				['見積送付', 'メール'],
				['フォロー', '電話'],
			],
			customItems: () => [
				customItem('competitor', '競合他社', 'text'),
				customItem('decisionMaker', '決裁者', 'single_select', ['社長', '役員', '部長', '担当者']),
				customItem('startPlanDate', '導入予定日', 'date'),
				customItem('licenseCount', '想定ライセンス数', 'number'),
			],
			detailTypes: ['初期費用', '月額費用', 'オプション'],
		},
		{
			name: '既存深耕',
			phases: [
				['課題確認', null],
				['提案', null],
				['稟議中', null],
				['受注', 'won'],
				['失注', 'lost'],
			],
			products: ['追加ライセンス', '保守サポート', 'カスタマイズ開発'],
			probabilities: [
				['高', 70],
				['中', 40],
				['低', 10],
			],
			channels: ['既存顧客からの相談', 'CSからの紹介'],
			reasons: ['予算不足', '優先度低下'],
			purposes: [
				['定例会', 'Web会議'],
				['課題ヒアリング', '訪問'],
				['提案説明', '訪問'],
			],
			customItems: () => [
				customItem('renewalMonth', '更新月', 'number'),
				customItem('upsellType', 'アップセル種別', 'single_select', [
					'ライセンス追加',
					'上位プラン',
					'オプション',
				]),
			],
			detailTypes: ['初期費用', '月額費用'],
		},
	];
	for (const def of dealTypeDefs) {
		const id = store.nextId('dealType');
		const dealType: DealTypeRec = {
			id,
			name: def.name,
			phases: def.phases.map(([name, endType], i) => ({
				id: store.nextId('phase'),
				name,
				orderNum: i + 1,
				endType,
			})),
			products: named('product', def.products),
			probabilities: def.probabilities.map(([name, percentage]) => ({
				id: store.nextId('probability'),
				name,
				percentage,
			})),
			channels: named('channel', def.channels),
			endPhaseReasons: named('endPhaseReason', def.reasons),
			purposes: def.purposes.map(([name, pattern]) => ({
				id: store.nextId('purpose'),
				name,
				patternId: patternId(pattern),
			})),
			customItems: def.customItems(),
			productDetailTypes: named('productDetailType', def.detailTypes),
		};
		store.dealTypes.set(id, dealType);
	}
	store.customerCustomItems.push(
		customItem('industry', '業種', 'single_select', [
			'製造業',
			'IT・通信',
			'小売・流通',
			'金融・保険',
			'建設・不動産',
			'医療・福祉',
		]),
		customItem('rank', '顧客ランク', 'single_select', ['A', 'B', 'C']),
		customItem('firstDealDate', '初回取引日', 'date'),
		customItem('annualSales', '年商(百万円)', 'number'),
		customItem('note', '備考', 'text'),
	);
	store.contactCustomItems.push(
		customItem('interest', '興味関心', 'text'),
		customItem('seminar', 'セミナー参加', 'single_select', ['参加済み', '未参加']),
		customItem('leadSources', '獲得経路', 'multi_select', ['展示会', 'Web', '紹介']),
	);
	store.actionCustomItems.push(
		customItem('meetingPlace', '実施場所', 'text'),
		customItem('reaction', '先方の反応', 'single_select', ['好感触', '普通', '懸念あり']),
	);
	const lifecycleTypeId = store.nextId('lifecycleStageType');
	store.lifecycleStageTypes.set(lifecycleTypeId, {
		id: lifecycleTypeId,
		name: 'マーケティングステージ',
		stages: ['リード', 'MQL', 'SQL', '商談', '顧客'].map((name, i) => ({
			id: store.nextId('lifecycleStage'),
			name,
			orderNum: i + 1,
		})),
	});

	const randomCustoms = (defs: CustomItemDef[]): CustomValue[] =>
		defs
			.filter(() => dice.chance(0.7))
			.map((def) => {
				switch (def.itemType) {
					case 'single_select':
						return { itemKey: def.itemKey, value: dice.pick(def.options).id };
					case 'multi_select':
						return { itemKey: def.itemKey, value: dice.some(def.options, 2).map((opt) => opt.id) };
					case 'number':
						return { itemKey: def.itemKey, value: dice.int(1, 500) };
					case 'date':
						return { itemKey: def.itemKey, value: japanDatePlusDays(anchor, dice.int(-700, 200)) };
					default:
						return {
							itemKey: def.itemKey,
							value: dice.pick(['要フォロー', '重点顧客', '前年度から継続', '代理店経由']),
						};
				}
			});

	// ---- customers ----------------------------------------------------------------------------
	const combos = COMPANY_STEMS.length * COMPANY_TRADES.length;
	const telFor = (areaCode: string): string =>
		areaCode.length === 2
			? `${areaCode}-${dice.int(1000, 9999)}-${dice.int(1000, 9999)}`
			: `${areaCode}-${dice.int(100, 999)}-${dice.int(1000, 9999)}`;
	for (let i = 0; i < o.customers; i++) {
		const id = store.nextId('customer');
		const combo = (i * 37) % combos;
		const cycle = Math.floor(i / combos);
		const stem = COMPANY_STEMS[combo % COMPANY_STEMS.length];
		const trade = COMPANY_TRADES[Math.floor(combo / COMPANY_STEMS.length)];
		const region = cycle === 0 ? '' : REGIONS[(cycle - 1) % REGIONS.length];
		const serial =
			cycle > REGIONS.length ? String(Math.floor((cycle - 1) / REGIONS.length) + 1) : '';
		const core = `${region}${stem}${trade}${serial}`;
		const form = dice.float();
		const name =
			form < 0.6
				? `株式会社${core}`
				: form < 0.9
					? `${core}株式会社`
					: form < 0.96
						? `合同会社${core}`
						: `有限会社${core}`;
		const [place, areaCode] = dice.pick(PLACES);
		store.customers.set(id, {
			id,
			name,
			address: `${place}${dice.int(1, 5)}-${dice.int(1, 20)}-${dice.int(1, 30)}`,
			telNo: telFor(areaCode),
			webUrl: `https://www.c${id}.example.co.jp`,
			employee: dice.pick([8, 25, 60, 120, 300, 850, 2400]),
			capital: dice.pick([3, 10, 50, 100, 300, 1000, 5000]) * 1_000_000,
			closingMonth: dice.chance(0.6) ? 3 : dice.int(1, 12),
			ownerRoleId: dice.chance(0.15) ? null : dice.int(2, roleDefs.length),
			customs: randomCustoms(store.customerCustomItems),
			...pastSpan(),
		});
	}
	const customerIds = [...store.customers.keys()];

	// ---- contacts -----------------------------------------------------------------------------
	const contactsByCustomer = new Map<number, number[]>();
	const stageIds = store.lifecycleStageTypes.get(lifecycleTypeId)?.stages.map((s) => s.id) ?? [];
	for (let i = 0; i < o.contacts; i++) {
		const id = store.nextId('contact');
		const [family, familyRomaji] = dice.pick(FAMILY_NAMES);
		const [given, givenRomaji] = dice.pick(GIVEN_NAMES);
		const customerId = customerIds.length && dice.chance(0.9) ? dice.pick(customerIds) : null;
		const customer = customerId === null ? undefined : store.customers.get(customerId);
		const areaCode = customer?.telNo?.split('-')[0] ?? '03';
		// Two fixed numbers for the phone filter: a Tokyo number and an island number with a 0 exchange.
		const tel =
			i === 0
				? '03-1111-2222'
				: i === 1
					? '04992-0-1111'
					: dice.chance(0.8)
						? telFor(areaCode)
						: null;
		store.contacts.set(id, {
			id,
			name: `${family} ${given}`,
			email: `${givenRomaji}.${familyRomaji}${id}@${customerId === null ? 'mail' : `c${customerId}`}.example.co.jp`,
			tel,
			mobileTel: dice.chance(0.6) ? `090-${dice.int(1000, 9999)}-${dice.int(1000, 9999)}` : null,
			address: customer?.address ?? null,
			dept: dice.pick(DEPARTMENTS),
			position: dice.pick(POSITIONS),
			memo: dice.chance(0.3) ? '展示会で名刺交換' : null,
			marketoLeadScore: dice.chance(0.5) ? dice.int(0, 200) : null,
			customerId,
			customs: randomCustoms(store.contactCustomItems),
			lifecycleStages:
				stageIds.length && dice.chance(0.7)
					? [{ typeId: lifecycleTypeId, stageId: dice.pick(stageIds) }]
					: [],
			...pastSpan(),
		});
		if (customerId !== null)
			contactsByCustomer.set(customerId, [...(contactsByCustomer.get(customerId) ?? []), id]);
	}
	const contactIds = [...store.contacts.keys()];

	// ---- deals --------------------------------------------------------------------------------
	const dealTypes = [...store.dealTypes.values()];
	for (let i = 0; i < o.deals && customerIds.length; i++) {
		const id = store.nextId('deal');
		const dealType = dice.chance(0.7) ? dealTypes[0] : dice.pick(dealTypes);
		const customerId = dice.pick(customerIds);
		const customer = store.customers.get(customerId);
		const phase = dice.pick(dealType.phases);
		const product = dice.pick(dealType.products);
		const span = pastSpan();
		const shortName = (customer?.name ?? '').replace(
			/^(株式会社|合同会社|有限会社)|株式会社$/g,
			'',
		);
		store.deals.set(id, {
			id,
			dealTypeId: dealType.id,
			name: `${shortName}様 ${product.name}`,
			dealCode: `D-${String(id).padStart(6, '0')}`,
			amount: dice.int(10, 3000) * 10_000,
			closingLeadtime: phase.endType === 'won' ? dice.int(10, 180) : null,
			fromEmail: dice.chance(0.05),
			memo: dice.pick(MEMOS),
			expectedContractDate: japanDatePlusDays(anchor, dice.int(-180, 180)),
			reason: phase.endType === 'lost' ? '他社サービスに決定' : null,
			endPhaseReasonIds: phase.endType === 'lost' ? [dice.pick(dealType.endPhaseReasons).id] : [],
			customerId,
			phaseId: phase.id,
			phaseSince: truncateToSecond(span.updatedAt - dice.int(0, 30) * DAY),
			productId: product.id,
			probabilityId: dice.pick(dealType.probabilities).id,
			channelId: dice.pick(dealType.channels).id,
			userId: dice.pick(userIds),
			customs: randomCustoms(dealType.customItems),
			productDetails: dice.chance(0.4)
				? [{ typeId: dealType.productDetailTypes[0].id, amount: dice.int(1, 50) * 10_000 }]
				: [],
			...span,
		});
		const candidates = contactsByCustomer.get(customerId) ?? [];
		const linked = dice.some(candidates, 2);
		if (linked.length) store.dealContacts.set(id, new Set(linked));
	}
	const dealIds = [...store.deals.keys()];

	// ---- actions ------------------------------------------------------------------------------
	const action = (kind: ActionKind, fields: Partial<ActionRec> & { patternId: number }): void => {
		const id = store.nextId('action');
		const startDatetime = truncateToSecond(
			anchor - (anchor % (30 * 60_000)) + dice.int(-120, 30) * DAY + dice.int(0, 16) * 30 * 60_000,
		);
		const endDatetime = startDatetime + dice.pick([30, 60, 90, 120]) * 60_000;
		const span = pastSpan();
		const active = startDatetime > anchor;
		store.actions.set(id, {
			id,
			kind,
			customerId: null,
			dealId: null,
			contactId: null,
			purposeId: null,
			startDatetime,
			endDatetime,
			preNote: dice.pick(PRE_NOTES),
			result: active ? null : dice.pick(RESULTS),
			extraResult: null,
			syncCalendar: dice.chance(0.3),
			active,
			creatorId: dice.pick(userIds),
			inviteeIds: dice.some(userIds, 2),
			contactIds: [],
			customs: randomCustoms(store.actionCustomItems),
			files:
				id % 10 === 0
					? [
							{
								id: store.nextId('file'),
								name: `提案資料_${id}.pdf`,
								size: 120_000 + id,
								contentType: 'application/pdf',
								url: `https://files.example.invalid/actions/${id}/proposal.pdf`,
							},
						]
					: [],
			...span,
			...fields,
		});
	};
	const patternIds = [...store.actionPatterns.keys()];
	for (let i = 0; i < o.customerActions && customerIds.length; i++) {
		const customerId = dice.pick(customerIds);
		action('customer', {
			customerId,
			patternId: dice.pick(patternIds),
			contactIds: dice.some(contactsByCustomer.get(customerId) ?? [], 2),
		});
	}
	for (let i = 0; i < o.dealActions && dealIds.length; i++) {
		const dealId = dice.pick(dealIds);
		const deal = store.deals.get(dealId);
		const dealType = deal && store.dealTypes.get(deal.dealTypeId);
		if (!deal || !dealType) continue;
		const purpose = dice.pick(dealType.purposes);
		action('deal', {
			dealId,
			purposeId: purpose.id,
			patternId: purpose.patternId,
			contactIds: dice.some([...(store.dealContacts.get(dealId) ?? [])], 2),
		});
	}
	for (let i = 0; i < o.contactActions && contactIds.length; i++) {
		action('contact', { contactId: dice.pick(contactIds), patternId: dice.pick(patternIds) });
	}

	// ---- custom objects -----------------------------------------------------------------------
	const itemDef = (
		key: string,
		name: string,
		itemType: CustomObjectItemDef['itemType'],
		options: Array<[string, string]> = [],
	) => ({
		key,
		name,
		itemType,
		options: options.map(([optionKey, optionName]) => ({ key: optionKey, name: optionName })),
	});
	const defSpan = pastSpan();
	store.customObjectDefs.set('product_master', {
		key: 'product_master',
		name: '商品マスタ',
		enableBi: true,
		items: [
			itemDef('productCode', '商品コード', 'number'),
			itemDef('productName', '商品名', 'text'),
			itemDef('unitPrice', '単価', 'decimal_number'),
			itemDef('releaseDate', '発売日', 'date'),
			itemDef('category', 'カテゴリ', 'single_select', [
				['hardware', 'ハードウェア'],
				['software', 'ソフトウェア'],
				['service', 'サービス'],
			]),
			itemDef('tags', 'タグ', 'multi_select', [
				['new', '新商品'],
				['popular', '人気'],
				['eol', '販売終了'],
			]),
		],
		...defSpan,
	});
	store.customObjectDefs.set('contract', {
		key: 'contract',
		name: '契約',
		enableBi: false,
		items: [
			itemDef('contractNo', '契約番号', 'text'),
			itemDef('startDate', '契約開始日', 'date'),
			itemDef('monthlyFee', '月額', 'number'),
			itemDef('plan', 'プラン', 'single_select', [
				['basic', 'ベーシック'],
				['pro', 'プロ'],
			]),
		],
		...defSpan,
	});
	const productWords = [
		'ノートPC',
		'タブレット',
		'会計ソフト',
		'保守パック',
		'ルーター',
		'複合機',
		'研修サービス',
		'セキュリティ診断',
	];
	for (let i = 0; i < o.customObjects; i++) {
		const id = store.nextId('customObject');
		store.customObjects.set(id, {
			id,
			defKey: 'product_master',
			values: {
				productCode: 1000 + i,
				productName: `${dice.pick(productWords)} ${String.fromCharCode(65 + (i % 26))}${i}`,
				unitPrice: (dice.int(100, 99_999) / 100).toFixed(2),
				releaseDate: toIso(anchor - dice.int(0, 1000) * DAY),
				category: dice.pick(['hardware', 'software', 'service']),
				tags: dice.some(['new', 'popular', 'eol'], 2),
			},
			...pastSpan(),
		});
	}
	for (let i = 0; i < Math.floor(o.customObjects / 5); i++) {
		const id = store.nextId('customObject');
		store.customObjects.set(id, {
			id,
			defKey: 'contract',
			values: {
				contractNo: `C-${2024}${String(i + 1).padStart(4, '0')}`,
				startDate: toIso(anchor - dice.int(0, 700) * DAY),
				monthlyFee: dice.int(1, 50) * 10_000,
				plan: dice.pick(['basic', 'pro']),
			},
			...pastSpan(),
		});
	}

	// Last: with the default of 0 nothing here draws from the dice, so the tenant stays the same.
	editRecently(store, dice, anchor, o.recentChanges);
	if (o.auditHistory) writeSeedAudits(store);
}

/** `count` customers, contacts and deals edited in the 12 hours before `anchor`. */
function editRecently(store: MazricaStore, dice: Dice, anchor: number, count: number): void {
	if (count <= 0) return;
	const editedAt = () => truncateToSecond(anchor - dice.int(60_000, 12 * 3_600_000));
	const pick = <T>(records: Map<number, T>): T[] => dice.sample([...records.values()], count);
	for (const customer of pick(store.customers)) customer.updatedAt = editedAt();
	for (const contact of pick(store.contacts)) contact.updatedAt = editedAt();
	const deals = pick(store.deals);
	for (const [i, deal] of deals.entries()) {
		deal.updatedAt = editedAt();
		const won = store.dealTypes.get(deal.dealTypeId)?.phases.find((p) => p.endType === 'won');
		if (i >= Math.ceil(count / 3) || !won) continue;
		Object.assign(deal, {
			phaseId: won.id,
			phaseSince: deal.updatedAt,
			closingLeadtime: dice.int(10, 180),
			reason: null,
			endPhaseReasonIds: [],
		});
	}
}

/** 'web' audit entries for how the seeded records came to be: creation, and a last edit. */
function writeSeedAudits(store: MazricaStore): void {
	const entries: Array<Omit<AuditRec, 'id'>> = [];
	const history = (
		targetType: string,
		targetId: number,
		targetName: string | null,
		userId: number | null,
		createdAt: number,
		updatedAt: number,
	): void => {
		entries.push({
			at: createdAt,
			userId,
			operation: 'create',
			targetType,
			targetId,
			targetName,
			source: 'web',
		});
		if (updatedAt > createdAt) {
			entries.push({
				at: updatedAt,
				userId,
				operation: 'update',
				targetType,
				targetId,
				targetName,
				source: 'web',
			});
		}
	};
	for (const c of store.customers.values())
		history('customer', c.id, c.name, 1, c.createdAt, c.updatedAt);
	for (const c of store.contacts.values())
		history('contact', c.id, c.name, 1, c.createdAt, c.updatedAt);
	for (const d of store.deals.values())
		history('deal', d.id, d.name, d.userId, d.createdAt, d.updatedAt);
	for (const a of store.actions.values()) {
		history(`${a.kind}_action`, a.id, null, a.creatorId, a.createdAt, a.updatedAt);
	}
	entries.sort((a, b) => a.at - b.at);
	for (const entry of entries) store.audits.push({ id: store.nextId('audit'), ...entry });
}

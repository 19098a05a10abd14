import type { ItemDef } from './types';

/** Word lists for the demo tenant: a Japanese field-sales company with offices across Japan. */

export const COMPANY_NAME = '株式会社ミライ設備サービス';

/** [code, name] — the first is head office. */
export const GROUPS: ReadonlyArray<readonly [string, string]> = [
	['HQ', '本社 営業本部'],
	['TKY', '東京営業所'],
	['YKH', '横浜営業所'],
	['NGY', '名古屋営業所'],
	['OSK', '大阪営業所'],
	['FUK', '福岡営業所'],
];

/** [category, tag name] (メンバー属性). */
export const USER_TAGS: ReadonlyArray<readonly [string, string]> = [
	['役職', '部長'],
	['役職', '課長'],
	['役職', '主任'],
	['役職', '一般'],
	['担当', '新規開拓'],
	['担当', 'ルート営業'],
	['担当', '保守点検'],
	['資格', '普通自動車免許'],
	['資格', '第二種電気工事士'],
];

/** [kanji, romaji] */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, string]> = [
	['佐藤', 'sato'],
	['鈴木', 'suzuki'],
	['高橋', 'takahashi'],
	['田中', 'tanaka'],
	['伊藤', 'ito'],
	['渡辺', 'watanabe'],
	['山本', 'yamamoto'],
	['中村', 'nakamura'],
	['小林', 'kobayashi'],
	['加藤', 'kato'],
	['吉田', 'yoshida'],
	['山田', 'yamada'],
	['松本', 'matsumoto'],
	['井上', 'inoue'],
	['木村', 'kimura'],
	['清水', 'shimizu'],
];

export const GIVEN_NAMES: ReadonlyArray<readonly [string, string]> = [
	['健太', 'kenta'],
	['美咲', 'misaki'],
	['大輔', 'daisuke'],
	['愛', 'ai'],
	['翔太', 'shota'],
	['優子', 'yuko'],
	['拓也', 'takuya'],
	['彩', 'aya'],
	['誠', 'makoto'],
	['由美', 'yumi'],
	['直樹', 'naoki'],
	['恵', 'megumi'],
];

export const DEVICES: ReadonlyArray<readonly [string, string]> = [
	['iPhone 15', 'iOS 17.6'],
	['iPhone 13', 'iOS 17.5'],
	['Galaxy S23', 'Android 14'],
	['AQUOS sense8', 'Android 14'],
	['Pixel 8', 'Android 15'],
];

/** Stems of customer names: [kanji, katakana]. */
export const CUSTOMER_STEMS: ReadonlyArray<readonly [string, string]> = [
	['山田製作所', 'ヤマダセイサクショ'],
	['東和電機', 'トウワデンキ'],
	['さくら食品', 'サクラショクヒン'],
	['北斗物流', 'ホクトブツリュウ'],
	['みどり薬局', 'ミドリヤッキョク'],
	['大和建設', 'ヤマトケンセツ'],
	['青葉クリニック', 'アオバクリニック'],
	['富士精機', 'フジセイキ'],
	['旭化学工業', 'アサヒカガクコウギョウ'],
	['ひかり不動産', 'ヒカリフドウサン'],
	['丸の内ホテル', 'マルノウチホテル'],
	['若葉保育園', 'ワカバホイクエン'],
	['港南スーパー', 'コウナンスーパー'],
	['中央運輸', 'チュウオウウンユ'],
	['日之出印刷', 'ヒノデインサツ'],
	['千代田商会', 'チヨダショウカイ'],
];

export const CUSTOMER_FORMS: ReadonlyArray<readonly [string, string]> = [
	['株式会社', 'カブシキガイシャ'],
	['有限会社', 'ユウゲンガイシャ'],
	['', ''],
];

export const BRANCHES: readonly string[] = [
	'本店',
	'本社工場',
	'第二工場',
	'駅前店',
	'北口店',
	'営業所',
];

/** [prefecture, city, town, zip prefix, area code, latitude, longitude] around each office. */
export const AREAS: ReadonlyArray<
	readonly [string, string, string, string, string, number, number]
> = [
	['東京都', '千代田区', '丸の内', '100', '03', 35.6812, 139.7671],
	['東京都', '渋谷区', '道玄坂', '150', '03', 35.658, 139.6982],
	['東京都', '新宿区', '西新宿', '160', '03', 35.6896, 139.6917],
	['神奈川県', '横浜市西区', 'みなとみらい', '220', '045', 35.4576, 139.6325],
	['神奈川県', '川崎市川崎区', '駅前本町', '210', '044', 35.5308, 139.7029],
	['愛知県', '名古屋市中村区', '名駅', '450', '052', 35.1709, 136.8815],
	['大阪府', '大阪市北区', '梅田', '530', '06', 34.7025, 135.4959],
	['大阪府', '大阪市中央区', '本町', '541', '06', 34.6836, 135.5017],
	['福岡県', '福岡市博多区', '博多駅前', '812', '092', 33.5902, 130.4207],
];

export const SPOT_TAGS: readonly string[] = [
	'顧客ランクA',
	'顧客ランクB',
	'顧客ランクC',
	'新規見込み',
	'既存顧客',
	'代理店',
	'要フォロー',
];

export const STATUSES: readonly string[] = [
	'出勤',
	'訪問開始',
	'訪問終了',
	'移動中',
	'休憩',
	'退勤',
];

export const ACTION_TYPES: readonly string[] = [
	'新規訪問',
	'定期訪問',
	'見積提出',
	'納品',
	'クレーム対応',
	'電話フォロー',
];

export const SCHEDULE_CATEGORIES: readonly string[] = ['訪問', '社内会議', '点検', '移動'];

export const SCHEDULE_TITLES: readonly string[] = [
	'定期訪問',
	'新商品のご提案',
	'見積書のご説明',
	'設備点検',
	'納品立ち会い',
	'契約更新のご相談',
];

export const PHOTO_TAGS: readonly string[] = ['外観', '店内', '看板', '駐車場', '設備'];

export const CLASSIFICATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
	['営業エリア', ['地方', '都道府県', '担当エリア']],
	['業種分類', ['大分類', '中分類']],
];

export const INDUSTRIES: ReadonlyArray<readonly [string, string]> = [
	['製造業', '機械器具'],
	['製造業', '食料品'],
	['医療・福祉', '病院・診療所'],
	['小売業', '飲食料品小売'],
	['運輸業', '道路貨物運送'],
	['建設業', '設備工事'],
];

export const STAFF_POSITIONS: ReadonlyArray<readonly [string, string]> = [
	['総務部', '部長'],
	['購買部', '課長'],
	['施設管理課', '主任'],
	['店舗運営部', '店長'],
];

export const VISIT_NOTES: readonly string[] = [
	'現行設備の稼働状況を確認。来月の定期点検の日程を調整した。',
	'新型空調機の資料をお渡しし、概算見積の依頼を受けた。',
	'担当者不在のため資料を置いてきた。来週電話でフォロー予定。',
	'既存契約の更新について前向きな回答。決裁は来月の役員会。',
	'競合他社から値下げ提案があるとのこと。価格の再提示が必要。',
];

export const ROUTES: ReadonlyArray<readonly [string, number]> = [
	['東京→新宿', 200],
	['渋谷→品川', 170],
	['横浜→川崎', 230],
	['名古屋→金山', 210],
	['梅田→本町', 190],
	['博多→天神', 210],
];

/** Report formats; item types from the vendor's report-item specification page. */
export const REPORT_DEFINITIONS: ReadonlyArray<{ name: string; items: ItemDef[] }> = [
	{
		name: '訪問報告',
		items: [
			{ name: '訪問先', type: 'spot' },
			{
				name: '訪問目的',
				type: 'radio',
				options: ['定期訪問', '新規提案', '見積提出', 'クレーム対応'],
			},
			{ name: '商談内容', type: 'textarea' },
			{ name: '次回訪問日', type: 'date' },
			{ name: '訪問開始時刻', type: 'time' },
			{
				name: '提案商材',
				type: 'checkbox',
				options: ['業務用空調', '照明LED化', '保守契約', '省エネ診断'],
			},
			{ name: '見積金額', type: 'number' },
			{ name: '先方電話番号', type: 'phone' },
			{ name: '現場写真', type: 'photo' },
		],
	},
	{
		name: '日報',
		items: [
			{ name: '本日の成果', type: 'text' },
			{ name: '所感', type: 'textarea' },
			{ name: '走行距離(km)', type: 'number' },
		],
	},
	{
		name: '設備点検報告',
		items: [
			{ name: '設備バーコード', type: 'barcode' },
			{ name: '点検結果', type: 'radio', options: ['異常なし', '要経過観察', '要修理'] },
			{
				name: '不具合箇所',
				type: 'checkbox',
				options: ['フィルター', 'ドレン', '冷媒配管', '制御基板'],
			},
			{ name: '点検写真', type: 'photo' },
			{ name: '次回点検予定', type: 'schedule' },
		],
	},
	{
		name: '競合情報',
		items: [
			{ name: '競合社名', type: 'text' },
			{ name: '価格帯', type: 'radio', options: ['当社より安い', '同程度', '当社より高い'] },
		],
	},
];

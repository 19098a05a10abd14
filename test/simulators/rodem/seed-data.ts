import type { EmployeeRec } from './types';

/**
 * Demo data for the seed. Names and companies are fictional except 株式会社ヴァル研究所 and the
 * routes, stations, fares and teiki course that appear in the vendor's own examples. Station codes
 * other than the example's (高円寺 22671, 新宿 22741, 池袋 22513) are illustrative, not 駅すぱあと's.
 */

/** RODEM users; the first one is the vendor example's user 27 with the example's teiki course. */
export const EMPLOYEES: readonly EmployeeRec[] = [
	{
		id: 27,
		name: '佐藤 健一',
		department: '営業部',
		teikiCourse: '桜台:西武池袋線:Up:池袋:JR山手線内回り:Down:新宿',
	},
	{
		id: 31,
		name: '鈴木 美咲',
		department: '営業部',
		teikiCourse: '武蔵小杉:東急東横線:Up:渋谷',
	},
	{
		id: 42,
		name: '高橋 翔太',
		department: '開発部',
		teikiCourse: '高円寺:JR中央線快速:Up:新宿:JR山手線外回り:Down:渋谷',
	},
	// [proposed] A user with no commuter pass registered: teiki_course is null.
	{ id: 56, name: '田中 由美', department: '総務部', teikiCourse: null },
	{
		id: 63,
		name: '伊藤 大輔',
		department: '経営企画部',
		teikiCourse: '横浜:東急東横線:Up:渋谷',
	},
	{
		id: 78,
		name: '渡辺 さくら',
		department: 'カスタマーサクセス部',
		teikiCourse: '大宮:JR埼京線:Up:渋谷',
	},
];

export type StationTuple = readonly [name: string, code: string];

/** A rail route from the office side to a visited company; return trips run it backwards. */
export interface RouteTemplate {
	/** Stations in travel order (rail stations only; 自社 and the company are not stations). */
	stations: readonly StationTuple[];
	/** Line names between consecutive stations, outbound. */
	lines: readonly string[];
	/** Line names between consecutive stations, inbound (in inbound travel order). */
	returnLines: readonly string[];
	/** IC-card fare (yen); undefined when an IC card cannot be used (limited express). */
	icFare?: number;
	/** Ticket fare plus limited-express charge (yen). */
	ticketFare: number;
	/** Ride distance in 100 m units. */
	distance: number;
	/** Door-to-door minutes, walking included. */
	minutes: number;
	/** Companies near the destination station. */
	companies: readonly string[];
}

const SHIBUYA: StationTuple = ['渋谷', '22715'];
const SHINJUKU: StationTuple = ['新宿', '22741'];
const IKEBUKURO: StationTuple = ['池袋', '22513'];
const KOENJI: StationTuple = ['高円寺', '22671'];
const SHINAGAWA: StationTuple = ['品川', '22709'];

export const ROUTES: readonly RouteTemplate[] = [
	{
		// 「JR山手線 渋谷→新宿」
		stations: [SHIBUYA, SHINJUKU],
		lines: ['JR山手線外回り・新宿・池袋方面'],
		returnLines: ['JR山手線内回り・渋谷・品川方面'],
		icFare: 167,
		ticketFare: 170,
		distance: 34,
		minutes: 22,
		companies: ['株式会社サクラ商事', '西新宿ホールディングス株式会社'],
	},
	{
		stations: [SHIBUYA, ['東京', '22828']],
		lines: ['JR山手線内回り・品川・東京方面'],
		returnLines: ['JR山手線外回り・品川・渋谷方面'],
		icFare: 208,
		ticketFare: 210,
		distance: 139,
		minutes: 38,
		companies: ['丸の内フィナンシャル株式会社', '株式会社みなと物流'],
	},
	{
		stations: [SHIBUYA, ['横浜', '23368']],
		lines: ['東急東横線特急・横浜行'],
		returnLines: ['東急東横線特急・渋谷行'],
		icFare: 283,
		ticketFare: 290,
		distance: 242,
		minutes: 41,
		companies: ['株式会社ベイサイド設計', '青葉システム株式会社'],
	},
	{
		stations: [SHIBUYA, ['大手町', '22531']],
		lines: ['東京メトロ半蔵門線・押上行'],
		returnLines: ['東京メトロ半蔵門線・中央林間行'],
		icFare: 209,
		ticketFare: 210,
		distance: 72,
		minutes: 29,
		companies: ['東都建設株式会社', '株式会社ひかり製薬'],
	},
	{
		stations: [SHIBUYA, ['銀座', '22566']],
		lines: ['東京メトロ銀座線・浅草行'],
		returnLines: ['東京メトロ銀座線・渋谷行'],
		icFare: 199,
		ticketFare: 200,
		distance: 70,
		minutes: 27,
		companies: ['株式会社コスモ企画'],
	},
	{
		// Limited express: no IC card, the price includes the 特急料金.
		stations: [SHIBUYA, SHINAGAWA, ['新横浜', '23372']],
		lines: ['JR山手線内回り・品川・東京方面', '東海道新幹線のぞみ・新大阪行'],
		returnLines: ['東海道新幹線のぞみ・東京行', 'JR山手線外回り・渋谷・新宿方面'],
		ticketFare: 1440,
		distance: 292,
		minutes: 44,
		companies: ['北斗電機株式会社'],
	},
	{
		stations: [SHIBUYA, SHINJUKU, ['八王子', '22908']],
		lines: ['JR山手線外回り・新宿・池袋方面', 'JR中央線特快・高尾行'],
		returnLines: ['JR中央線特快・東京行', 'JR山手線内回り・渋谷・品川方面'],
		icFare: 583,
		ticketFare: 590,
		distance: 411,
		minutes: 70,
		companies: ['若葉食品株式会社', '多摩テクノロジー株式会社'],
	},
	{
		// The vendor's field-table example route.
		stations: [['六本木', '22797'], SHINJUKU, KOENJI],
		lines: ['都営大江戸線・都庁前・光が丘方面', 'JR中央線快速・豊田行き'],
		returnLines: ['JR中央線快速・東京行', '都営大江戸線・大門・両国方面'],
		icFare: 391,
		ticketFare: 400,
		distance: 121,
		minutes: 36,
		companies: ['株式会社ヴァル研究所'],
	},
	{
		// The vendor's JSON example route (price 154, distance 117).
		stations: [KOENJI, SHINJUKU, IKEBUKURO],
		lines: ['JR総武線・津田沼行', 'JR山手線外回り・池袋・上野方面'],
		returnLines: ['JR山手線内回り・新宿・渋谷方面', 'JR総武線・三鷹行'],
		icFare: 154,
		ticketFare: 160,
		distance: 117,
		minutes: 51,
		companies: ['株式会社◯◯', '株式会社ミライデザイン'],
	},
	{
		stations: [SHINAGAWA, ['横浜', '23368']],
		lines: ['京急本線快特・三崎口行'],
		returnLines: ['京急本線快特・泉岳寺行'],
		icFare: 303,
		ticketFare: 310,
		distance: 222,
		minutes: 33,
		companies: ['株式会社ベイサイド設計'],
	},
	{
		stations: [SHIBUYA, IKEBUKURO],
		lines: ['JR山手線外回り・新宿・池袋方面'],
		returnLines: ['JR山手線内回り・新宿・渋谷方面'],
		icFare: 178,
		ticketFare: 180,
		distance: 84,
		minutes: 26,
		companies: ['株式会社サンシャイン広告', '株式会社ひかり製薬'],
	},
	{
		stations: [
			['東京', '22828'],
			['大宮', '22163'],
		],
		lines: ['JR上野東京ライン・宇都宮線・宇都宮行'],
		returnLines: ['JR上野東京ライン・宇都宮線・熱海行'],
		icFare: 583,
		ticketFare: 590,
		distance: 304,
		minutes: 52,
		companies: ['さいたま精機株式会社'],
	},
];

export const PURPOSES: readonly string[] = [
	'打ち合わせ',
	'定例会',
	'商談',
	'提案',
	'納品立ち会い',
	'現地調査',
	'契約締結',
	'キックオフ',
];

/** Minutes at the destination. */
export const SOJOURNS: readonly number[] = [30, 60, 60, 60, 90, 120];

/** Where the office is, as RODEM names it in course strings. */
export const OFFICE = '自社';
/** The line name RODEM uses for walking legs. */
export const WALK = '徒歩';

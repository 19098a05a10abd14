/** Word lists for the demo tenant: Japanese companies, people, places, notes. */

export const FAMILY_NAMES: Array<[string, string]> = [
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
	['佐々木', 'sasaki'],
	['山口', 'yamaguchi'],
	['松本', 'matsumoto'],
	['井上', 'inoue'],
	['木村', 'kimura'],
	['林', 'hayashi'],
	['斎藤', 'saito'],
	['清水', 'shimizu'],
];

export const GIVEN_NAMES: Array<[string, string]> = [
	['健太', 'kenta'],
	['美咲', 'misaki'],
	['大輔', 'daisuke'],
	['愛', 'ai'],
	['翔', 'sho'],
	['優子', 'yuko'],
	['拓也', 'takuya'],
	['彩', 'aya'],
	['誠', 'makoto'],
	['由美', 'yumi'],
	['隼人', 'hayato'],
	['花子', 'hanako'],
	['直樹', 'naoki'],
	['恵', 'megumi'],
	['亮', 'ryo'],
	['真由美', 'mayumi'],
	['浩二', 'koji'],
	['さくら', 'sakura'],
	['和也', 'kazuya'],
	['陽子', 'yoko'],
];

export const COMPANY_STEMS = [
	'山田',
	'東京',
	'日本',
	'北斗',
	'青葉',
	'大和',
	'富士',
	'桜',
	'三河',
	'丸の内',
	'中央',
	'未来',
	'光',
	'朝日',
	'新星',
	'東洋',
	'関西',
	'北海',
	'瀬戸内',
	'九州',
];

export const COMPANY_TRADES = [
	'商事',
	'工業',
	'製作所',
	'物産',
	'システムズ',
	'テクノロジー',
	'建設',
	'電機',
	'食品',
	'運輸',
	'不動産',
	'印刷',
	'精機',
	'ソリューションズ',
	'化学',
];

export const REGIONS = [
	'札幌',
	'仙台',
	'横浜',
	'名古屋',
	'京都',
	'神戸',
	'広島',
	'福岡',
	'那覇',
	'金沢',
];

/** [address prefix, area code] */
export const PLACES: Array<[string, string]> = [
	['東京都千代田区丸の内', '03'],
	['東京都港区芝浦', '03'],
	['東京都渋谷区道玄坂', '03'],
	['大阪府大阪市北区梅田', '06'],
	['愛知県名古屋市中区栄', '052'],
	['福岡県福岡市博多区博多駅前', '092'],
	['北海道札幌市中央区北一条西', '011'],
	['神奈川県横浜市西区みなとみらい', '045'],
	['京都府京都市下京区四条通', '075'],
	['宮城県仙台市青葉区中央', '022'],
	['広島県広島市中区紙屋町', '082'],
];

export const DEPARTMENTS = [
	'営業部',
	'情報システム部',
	'総務部',
	'経営企画部',
	'経理部',
	'マーケティング部',
];
export const POSITIONS = ['代表取締役', '取締役', '部長', '課長', '主任', '担当'];

export const PRE_NOTES = [
	'担当者の課題をヒアリングする',
	'見積金額の最終確認',
	'導入スケジュールを相談',
	'デモを実施予定',
	'決裁者への説明資料を準備',
	'競合比較表を持参する',
];

export const RESULTS = [
	'前向きに検討いただける',
	'他社と比較中とのこと',
	'次回は役員同席で提案',
	'予算確保の目処が立った',
	'導入時期は来期に延期',
	'追加の見積を依頼された',
];

export const MEMOS = [
	'年度末の予算消化案件',
	'紹介元への報告が必要',
	'競合A社と相見積',
	null,
	null,
];

/** Word lists for the demo tenant: Japanese people, places, stores, point reasons. */

/** [kanji, katakana, romaji] */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, string, string]> = [
	['佐藤', 'サトウ', 'sato'],
	['鈴木', 'スズキ', 'suzuki'],
	['高橋', 'タカハシ', 'takahashi'],
	['田中', 'タナカ', 'tanaka'],
	['伊藤', 'イトウ', 'ito'],
	['渡辺', 'ワタナベ', 'watanabe'],
	['山本', 'ヤマモト', 'yamamoto'],
	['中村', 'ナカムラ', 'nakamura'],
	['小林', 'コバヤシ', 'kobayashi'],
	['加藤', 'カトウ', 'kato'],
	['吉田', 'ヨシダ', 'yoshida'],
	['山田', 'ヤマダ', 'yamada'],
	['佐々木', 'ササキ', 'sasaki'],
	['山口', 'ヤマグチ', 'yamaguchi'],
	['松本', 'マツモト', 'matsumoto'],
	['井上', 'イノウエ', 'inoue'],
	['木村', 'キムラ', 'kimura'],
	['林', 'ハヤシ', 'hayashi'],
	['斎藤', 'サイトウ', 'saito'],
	['清水', 'シミズ', 'shimizu'],
];

/** [kanji, katakana, romaji, gender] */
export const GIVEN_NAMES: ReadonlyArray<readonly [string, string, string, '男性' | '女性']> = [
	['健太', 'ケンタ', 'kenta', '男性'],
	['美咲', 'ミサキ', 'misaki', '女性'],
	['大輔', 'ダイスケ', 'daisuke', '男性'],
	['愛', 'アイ', 'ai', '女性'],
	['翔', 'ショウ', 'sho', '男性'],
	['優子', 'ユウコ', 'yuko', '女性'],
	['拓也', 'タクヤ', 'takuya', '男性'],
	['彩', 'アヤ', 'aya', '女性'],
	['誠', 'マコト', 'makoto', '男性'],
	['由美', 'ユミ', 'yumi', '女性'],
	['隼人', 'ハヤト', 'hayato', '男性'],
	['花子', 'ハナコ', 'hanako', '女性'],
	['直樹', 'ナオキ', 'naoki', '男性'],
	['恵', 'メグミ', 'megumi', '女性'],
	['亮', 'リョウ', 'ryo', '男性'],
	['真由美', 'マユミ', 'mayumi', '女性'],
	['浩二', 'コウジ', 'koji', '男性'],
	['さくら', 'サクラ', 'sakura', '女性'],
	['和也', 'カズヤ', 'kazuya', '男性'],
	['陽子', 'ヨウコ', 'yoko', '女性'],
];

/** [prefecture, first three digits of a postal code there] */
export const PREFECTURES: ReadonlyArray<readonly [string, string]> = [
	['東京都', '150'],
	['東京都', '160'],
	['神奈川県', '220'],
	['大阪府', '530'],
	['愛知県', '450'],
	['福岡県', '810'],
	['北海道', '060'],
	['埼玉県', '330'],
	['千葉県', '260'],
	['兵庫県', '650'],
	['京都府', '600'],
	['宮城県', '980'],
];

/** [store_code, store_name] */
export const STORES: ReadonlyArray<readonly [string, string]> = [
	['S001', '渋谷店'],
	['S002', '新宿店'],
	['S003', '横浜店'],
	['S004', '梅田店'],
	['S005', '名古屋栄店'],
	['S006', '天神店'],
	['S007', '札幌店'],
	['S008', 'オンラインストア'],
];

/** rank → the label shown in the `member_rank` custom column. */
export const RANK_LABELS: Readonly<Record<string, string>> = {
	regular: 'レギュラー',
	silver: 'シルバー',
	gold: 'ゴールド',
	platinum: 'プラチナ',
};

export const RANKS: readonly string[] = [
	'regular',
	'regular',
	'regular',
	'silver',
	'silver',
	'gold',
	'platinum',
];

export const SECRET_QUESTIONS: readonly string[] = [
	'母親の旧姓は?',
	'初めて飼ったペットの名前は?',
	'出身小学校の名前は?',
	'好きな食べ物は?',
];

export const SECRET_ANSWERS: readonly string[] = ['ポチ', 'たまご焼き', '桜ヶ丘', 'ミケ', 'カレー'];

export const MEMOS: readonly string[] = [
	'店頭でアプリ登録。',
	'問い合わせ対応済み(2024年)。',
	'誕生日クーポン配信対象。',
	'住所変更の連絡あり。',
	'VIPイベント招待候補。',
];

export const ADD_TITLES: readonly string[] = [
	'お買い上げポイント',
	'アプリ登録ボーナス',
	'キャンペーンポイント10pt',
	'来店スタンプ特典',
	'誕生日ポイント',
	'アンケート回答ポイント',
];

export const USE_TITLES: readonly string[] = [
	'ポイント利用',
	'クーポン交換',
	'お会計でのポイント利用',
];

// Colloquial words → the words the catalog uses. The admin-editable dictionary is passed in by the
// caller; this default covers everyday campus speech so a fresh install is not helpless.

/** A synonym dictionary: a colloquial phrase → the catalog phrases it stands for. */
export type SynonymDictionary = Readonly<Record<string, readonly string[]>>;

/**
 * Words that mean the same thing either way round (体检 ↔ 健康检查): each word of a group expands to the others,
 * so a query in either wording finds a title in the other.
 */
export const EQUIVALENT_WORDS: readonly (readonly string[])[] = [
  ['体检', '健康检查'],
  ['出差', '差旅'],
  ['户口', '户籍'],
  ['社保', '社会保险'],
  ['寝室', '宿舍'],
  ['发票', '开票'],
  ['报账', '报销'],
  ['年假', '年休假'],
  ['工作证明', '在职证明'],
  ['入校', '进校'],
  ['心理咨询', '心理辅导', '心理疏导'],
];

/** One-way entries: a colloquial phrase → the catalog phrases it stands for. */
const ONE_WAY: SynonymDictionary = {
  看病: ['医保', '就医', '医疗费'],
  医药费: ['医药费', '医疗费', '医保报销'],
  住院: ['医保报销', '医疗费'],
  出国: ['出国(境)', '出国（境）'],
  护照: ['出入境证件'],
  签证: ['出入境证件', '出国(境)'],
  工资条: ['工资明细'],
  收入: ['收入证明'],
  上网: ['校园网'],
  wifi: ['校园网'],
  宽带: ['校园网'],
  连不上: ['故障报修'],
  网速: ['校园网'],
  无线: ['校园网'],
  断网: ['校园网', '故障报修'],
  网络: ['校园网'],
  翻墙: ['vpn', '校外访问'],
  饭卡: ['校园卡'],
  一卡通: ['校园卡'],
  盖章: ['用印', '公章'],
  请假: ['请销假'],
  休假: ['年休假'],
  产假: ['生育假'],
  生孩子: ['生育'],
  生小孩: ['生育'],
  坐月子: ['生育假'],
  房补: ['住房公积金一次性补贴'],
  租房: ['租房提取'],
  退休金: ['养老待遇'],
  养老金: ['养老待遇'],
  宿舍: ['学生宿舍', '公寓'],
  寝室: ['学生宿舍'],
  坏了: ['报修'],
  水管: ['报修'],
  漏水: ['报修'],
  维修: ['报修'],
  预支: ['借款', '暂借款'],
  借钱: ['借款'],
  户口: ['户口迁入迁出'],
  社保: ['社会保险关系'],
  进校: ['入校'],
  进门: ['入校'],
  进学校: ['入校'],
  发票: ['开具发票'],
  挂科: ['缓考', '成绩单', '重修'],
  挂了科: ['挂科', '重修'],
  补修: ['重修'],
  退休本: ['退休证'],
  校友证: ['校友卡'],
  单位宿舍: ['教师公寓', '周转房'],
  租金: ['房租'],
  丢了: ['挂失', '补办', '失物招领'],
  密码忘了: ['密码重置'],
  忘记密码: ['密码重置'],
  开证明: ['证明'],
  职称: ['专业技术职务'],
  助学金: ['国家助学金'],
  停车: ['机动车入校通行证'],
  私家车: ['机动车'],
  老婆: ['家属', '配偶'],
  老公: ['家属', '配偶'],
  爱人: ['家属', '配偶'],
  媳妇: ['家属', '配偶'],
  读书: ['在读'],
};

function build(): SynonymDictionary {
  const out: Record<string, string[]> = {};
  const add = (key: string, targets: readonly string[]) => {
    const list = (out[key] ??= []);
    for (const t of targets) if (t !== key && !list.includes(t)) list.push(t);
  };
  for (const group of EQUIVALENT_WORDS) for (const w of group) add(w, group);
  for (const [key, targets] of Object.entries(ONE_WAY)) add(key, targets);
  return out;
}

/** The default dictionary for campus life: the equivalences both ways, then the one-way entries. */
export const DEFAULT_SYNONYMS: SynonymDictionary = build();

/** The catalog phrases a query's colloquial words stand for, in dictionary order, without duplicates. */
export function expandSynonyms(query: string, dictionary: SynonymDictionary): string[] {
  const out = new Set<string>();
  for (const [key, targets] of Object.entries(dictionary)) {
    if (key === '' || !query.includes(key.toLowerCase())) continue;
    for (const t of targets) if (t && !query.includes(t.toLowerCase())) out.add(t.toLowerCase());
  }
  return [...out];
}

/** The dictionary's colloquial phrases that occur in a query, each with the catalog phrases (lower-cased) it stands for. */
export function synonymKeysIn(query: string, dictionary: SynonymDictionary): { key: string; targets: string[] }[] {
  const out: { key: string; targets: string[] }[] = [];
  for (const [key, targets] of Object.entries(dictionary)) {
    const k = key.toLowerCase();
    if (k !== '' && query.includes(k)) out.push({ key: k, targets: targets.filter(Boolean).map((t) => t.toLowerCase()) });
  }
  return out;
}

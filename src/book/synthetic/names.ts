// Name generators for a synthetic counterparty book: companies and persons in Latin, Han, Cyrillic, Arabic and
// Hangul scripts, built from syllables and word pools so that the vocabulary is large (hundreds of thousands of
// distinct tokens, as in a real book) while the shapes are those of real trade names.

export type Random = () => number;

/** mulberry32: a small seeded PRNG, so every run builds the same book. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

const SYLLABLES = [
  'ka',
  'lo',
  'ven',
  'tra',
  'mar',
  'sel',
  'dor',
  'bri',
  'nex',
  'qua',
  'ri',
  'tal',
  'mon',
  'est',
  'vi',
  'ran',
  'cor',
  'del',
  'fin',
  'gal',
  'har',
  'ion',
  'jor',
  'kel',
  'lum',
  'mer',
  'nor',
  'ost',
  'pra',
  'ros',
  'sun',
  'tor',
  'ul',
  'var',
  'wen',
  'xan',
  'yor',
  'zel',
  'ba',
  'ce',
  'di',
  'fo',
  'gu',
  'ha',
  'ne',
  'po',
  'sa',
  'te',
  'vo',
  'ze',
];
const PLACES = [
  'Shenzhen',
  'Hamburg',
  'Rotterdam',
  'Dubai',
  'Singapore',
  'Istanbul',
  'Mumbai',
  'Lagos',
  'Sao Paulo',
  'Houston',
  'Busan',
  'Osaka',
  'Milano',
  'Lyon',
  'Gdansk',
  'Almaty',
  'Tashkent',
  'Karachi',
  'Jakarta',
  'Manila',
  'Antwerp',
  'Valencia',
  'Izmir',
  'Chennai',
  'Durban',
];
const INDUSTRIES = [
  'Logistics',
  'Trading',
  'Electronics',
  'Machinery',
  'Chemicals',
  'Textiles',
  'Shipping',
  'Holdings',
  'Industries',
  'Technologies',
  'Consulting',
  'Foods',
  'Pharma',
  'Metals',
  'Energy',
  'Solutions',
  'Systems',
  'Components',
  'Instruments',
  'Materials',
  'Engineering',
  'Plastics',
  'Automotive',
  'Aerospace',
  'Marine',
];
const LEGAL_FORMS = [
  'Ltd',
  'Co., Ltd.',
  'GmbH',
  'LLC',
  'S.A.',
  'B.V.',
  'Pte. Ltd.',
  'FZE',
  'JSC',
  'S.p.A.',
  'Sp. z o.o.',
  'A.S.',
  'Inc.',
  'Limited',
  'AG',
  'S.A.S.',
  'Kft.',
  'OOO',
  'S.R.L.',
  'Pty Ltd',
];
const FIRST = [
  'Maria',
  'John',
  'Ahmed',
  'Li',
  'Olga',
  'Carlos',
  'Fatima',
  'Hans',
  'Yuki',
  'Priya',
  'Mehmet',
  'Anna',
  'David',
  'Sofia',
  'Ivan',
  'Chen',
  'Aisha',
  'Pierre',
  'Lucas',
  'Elena',
  'Omar',
  'Kenji',
  'Ines',
  'Tomasz',
  'Nadia',
];
const HAN_CITIES = ['深圳市', '上海', '广州市', '杭州', '宁波', '苏州', '天津', '青岛', '厦门', '东莞市'];
const HAN_CHARS =
  '华泰鑫源盛达恒通宏远金利丰隆星辰海昌建荣德新兴永安嘉诚博瑞中科天宇信和正大富康明远伟业立成长江汇邦鼎晟凯乐云峰启航';
const HAN_INDUSTRY = ['电子', '科技', '贸易', '机械', '化工', '纺织', '物流', '实业', '进出口', '精密'];
const HAN_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const HAN_GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚';
const CYR_SYL = [
  'ра',
  'ко',
  'ми',
  'ст',
  'ал',
  'вер',
  'нов',
  'тех',
  'про',
  'сиб',
  'ур',
  'вол',
  'гра',
  'дон',
  'лес',
  'мет',
  'нефть',
  'строй',
  'торг',
  'снаб',
];
const CYR_SURNAMES = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Волков',
  'Соловьёв',
];
const CYR_GIVEN = [
  'Сергей',
  'Андрей',
  'Алексей',
  'Дмитрий',
  'Ольга',
  'Елена',
  'Наталья',
  'Игорь',
  'Михаил',
  'Татьяна',
];
const AR_WORDS = [
  'النور',
  'الأمل',
  'الخليج',
  'الشرق',
  'الفجر',
  'الرواد',
  'البحر',
  'الصحراء',
  'الواحة',
  'النخبة',
  'الهلال',
  'السلام',
  'الوطنية',
  'المتحدة',
  'الذهبية',
];
const AR_INDUSTRY = ['للتجارة', 'للمقاولات', 'للصناعات', 'للشحن', 'للتقنية', 'للاستيراد والتصدير'];
const AR_GIVEN = ['محمد', 'أحمد', 'علي', 'حسن', 'خالد', 'عمر', 'يوسف', 'فاطمة', 'مريم', 'سارة'];
const AR_FAMILY = ['العلي', 'الحسن', 'السعيد', 'الخطيب', 'النجار', 'الحداد', 'المصري', 'الشامي', 'البغدادي'];
const HANGUL_SYL = ['한', '빛', '대', '성', '우', '진', '현', '미', '래', '신', '세', '영', '동', '명', '선'];
const HANGUL_INDUSTRY = ['전자', '산업', '물산', '테크', '해운', '정밀'];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A pronounceable word of 2–4 syllables ("Velorant"): most generated tokens are unique or rare, as in a real book. */
export function coinedWord(random: Random): string {
  const n = 2 + Math.floor(random() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(random, SYLLABLES);
  return capitalise(w);
}

function han(random: Random, chars: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += chars[Math.floor(random() * chars.length)];
  return s;
}

export type Script = 'latin' | 'han' | 'cyrillic' | 'arabic' | 'hangul';

/** The script of a generated party: 62 % Latin, 15 % Han, 10 % Cyrillic, 8 % Arabic, 5 % Hangul. */
export function scriptOf(random: Random): Script {
  const r = random();
  return r < 0.62 ? 'latin' : r < 0.77 ? 'han' : r < 0.87 ? 'cyrillic' : r < 0.95 ? 'arabic' : 'hangul';
}

export const SCRIPT_COUNTRIES: Readonly<Record<Script, readonly string[]>> = {
  latin: ['us', 'de', 'nl', 'gb', 'fr', 'it', 'es', 'tr', 'in', 'sg', 'br', 'ng', 'pl', 'za', 'ae'],
  han: ['cn', 'hk', 'tw'],
  cyrillic: ['ru', 'kz', 'by', 'ua'],
  arabic: ['ae', 'sa', 'eg', 'jo', 'om'],
  hangul: ['kr'],
};

export function companyName(random: Random, script: Script): string {
  switch (script) {
    case 'han':
      return `${pick(random, HAN_CITIES)}${han(random, HAN_CHARS, 2)}${pick(random, HAN_INDUSTRY)}有限公司`;
    case 'cyrillic':
      return `ООО «${capitalise(pick(random, CYR_SYL) + pick(random, CYR_SYL) + pick(random, CYR_SYL))}»`;
    case 'arabic':
      return `شركة ${pick(random, AR_WORDS)} ${pick(random, AR_WORDS)} ${pick(random, AR_INDUSTRY)}`;
    case 'hangul':
      return `주식회사 ${pick(random, HANGUL_SYL)}${pick(random, HANGUL_SYL)}${pick(random, HANGUL_INDUSTRY)}`;
    case 'latin': {
      const place = random() < 0.35 ? `${pick(random, PLACES)} ` : '';
      const second = random() < 0.3 ? ` ${coinedWord(random)}` : '';
      return `${place}${coinedWord(random)}${second} ${pick(random, INDUSTRIES)} ${pick(random, LEGAL_FORMS)}`;
    }
  }
}

export function personName(random: Random, script: Script): string {
  switch (script) {
    case 'han':
      return `${han(random, HAN_SURNAMES, 1)}${han(random, HAN_GIVEN, random() < 0.5 ? 1 : 2)}`;
    case 'cyrillic':
      return `${pick(random, CYR_SURNAMES)} ${pick(random, CYR_GIVEN)}`;
    case 'arabic':
      return `${pick(random, AR_GIVEN)} ${pick(random, AR_GIVEN)} ${pick(random, AR_FAMILY)}`;
    case 'hangul':
      return `${pick(random, HANGUL_SYL)}${pick(random, HANGUL_SYL)}${pick(random, HANGUL_SYL)}`;
    case 'latin':
      return `${pick(random, FIRST)} ${coinedWord(random)}`;
  }
}

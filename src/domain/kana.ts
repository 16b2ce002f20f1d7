/**
 * The bank character set: the single-byte JIS X 0201 subset that 全銀 files accept (see ZENGIN.md).
 *
 * Input from forms and sheets is full-width, hiragana, lower case, or typed with small kana; banks want
 * half-width katakana with the small kana enlarged (キュウ → ｷﾕｳ) and voiced kana as two bytes (ガ → ｶﾞ).
 * What cannot be mapped (kanji, 、, ・, ～, ｦ …) is reported, never guessed: the caller holds the payment.
 */

export type BankTextKind = 'name' | 'bankName';

export type BankTextResult = { ok: true; value: string } | { ok: false; invalid: string[] };

const DAKUTEN = 'ﾞ';
const HANDAKUTEN = 'ﾟ';

/** Full-width katakana (and a few relatives) → half-width bank text. */
const KATAKANA = new Map<string, string>();

function addPairs(full: string, half: string[]): void {
  const chars = Array.from(full);
  if (chars.length !== half.length) throw new Error('kana table length mismatch');
  chars.forEach((c, i) => {
    KATAKANA.set(c, half[i]);
  });
}

addPairs(
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン',
  Array.from('ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ'),
);
// Small kana are written large; ヰ ヱ ヲ as ｲ ｴ ｵ because ｦ is not allowed in names.
addPairs('ァィゥェォッャュョヮヵヶヰヱヲ', Array.from('ｱｲｳｴｵﾂﾔﾕﾖﾜｶｹｲｴｵ'));
addPairs(
  'ガギグゲゴザジズゼゾダヂヅデドバビブベボヴヷヸヹヺ',
  Array.from('ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎｳﾜｲｴｵ').map((c) => c + DAKUTEN),
);
addPairs(
  'パピプペポ',
  Array.from('ﾊﾋﾌﾍﾎ').map((c) => c + HANDAKUTEN),
);
// Half-width small kana → large. ｦ (U+FF66) is deliberately absent: it is invalid.
addPairs('ｧｨｩｪｫｯｬｭｮ', Array.from('ｱｲｳｴｵﾂﾔﾕﾖ'));
// Voicing marks: standalone (゛゜) and combining (as in NFD text from macOS).
addPairs('゛゜\u3099\u309A', [DAKUTEN, HANDAKUTEN, DAKUTEN, HANDAKUTEN]);
// Long-vowel marks and dash look-alikes people type in names → '-'.
for (const c of 'ーｰ－‐‑–—―−') KATAKANA.set(c, '-');
KATAKANA.set('\u3000', ' ');

// ｱ..ﾝ is U+FF71..U+FF9D (ｦ U+FF66 and ｰ U+FF70 fall outside), ﾞ ﾟ are U+FF9E, U+FF9F.
const ALLOWED_NAME = /^[\uFF71-\uFF9F A-Z0-9().-]$/;
const ALLOWED_BANK_NAME = /^[\uFF71-\uFF9F A-Z0-9-]$/;

/** One input character → half-width candidate (not yet checked against the allowed set). */
function convertChar(c: string): string {
  const mapped = KATAKANA.get(c);
  if (mapped !== undefined) return mapped;
  const code = c.codePointAt(0) ?? 0;
  // Hiragana ぁ..ゖ → katakana ァ..ヶ, then the table above.
  if (code >= 0x3041 && code <= 0x3096) {
    const kata = String.fromCharCode(code + 0x60);
    return KATAKANA.get(kata) ?? kata;
  }
  // Full-width ASCII ！..～ → ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toUpperCase();
  if (code >= 0x61 && code <= 0x7a) return c.toUpperCase();
  return c;
}

/**
 * Converts free text to half-width bank text.
 * 'name' (依頼人名, 受取人名, 口座名義) allows ｱ–ﾝ ﾞ ﾟ A–Z 0–9 space ( ) - . ;
 * 'bankName' (銀行名, 支店名) the same letters with '-' as the only symbol.
 * Runs of spaces collapse to one and the result is trimmed. On failure the distinct offending input
 * characters are listed as the user typed them (e.g. '，', not ',').
 */
export function toBankText(input: string, kind: BankTextKind): BankTextResult {
  const allowed = kind === 'name' ? ALLOWED_NAME : ALLOWED_BANK_NAME;
  const invalid: string[] = [];
  let out = '';
  for (const c of Array.from(input)) {
    const converted = /\s/.test(c) ? ' ' : convertChar(c);
    const bad = Array.from(converted).some((h) => !allowed.test(h));
    if (bad) {
      if (!invalid.includes(c)) invalid.push(c);
      continue;
    }
    out += converted;
  }
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, value: out.replace(/ {2,}/g, ' ').trim() };
}

/** True for ﾞ and ﾟ, which belong to the kana before them. */
function isVoicingMark(c: string | undefined): boolean {
  return c === DAKUTEN || c === HANDAKUTEN;
}

/**
 * Cuts half-width text (one byte per character) to at most `bytes` characters without separating a
 * kana from its ﾞ/ﾟ, then right-pads with spaces to exactly `bytes`.
 */
export function fitBytes(value: string, bytes: number): string {
  const chars = Array.from(value);
  let end = Math.min(chars.length, bytes);
  // If the first dropped character is a voicing mark, drop its kana too.
  while (end > 0 && end < chars.length && isVoicingMark(chars[end])) end--;
  return chars.slice(0, end).join('').padEnd(bytes, ' ');
}


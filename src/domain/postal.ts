/**
 * Postal addresses for the documents mailing (書類送付): the registration form asks one question,
 * 住所（覚書の郵送先）, and people often write the postal code in it. Pure.
 */

/** Hyphen-like characters people type between the two parts of a postal code (after NFKC). */
const DASH = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70';
const CODE = `(\\d{3})[${DASH}]?(\\d{4})`;
/** 〒 (or 郵便番号, or 〒 mark variants) then the code, anywhere; or a bare code at the very start. */
const MARKED = new RegExp(`(?:〒|郵便番号[:：]?)\\s*${CODE}(?!\\d)`);
const LEADING = new RegExp(`^${CODE}(?!\\d)`);

export interface PostalAddress {
  /** 123-4567, or '' when the address carries no postal code. */
  postalCode: string;
  /** The address without the code (and without the 〒 mark). */
  address: string;
}

/**
 * Splits the postal code out of an address written together with it:
 * `〒110-0005 東京都台東区上野1-12-6` → 110-0005 / 東京都台東区上野1-12-6. Full-width digits and
 * dashes are read (NFKC). A number inside the address (番地, a room number) is never taken: a code
 * is recognised only after 〒 / 郵便番号, or as seven digits (3+4) at the very start.
 * `postalField`: a postal code given on its own (a 郵便番号 column) wins over one in the address.
 */
export function splitPostalCode(rawAddress: string, postalField = ''): PostalAddress {
  const text = rawAddress.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const own = formatPostal(postalField);
  const m = MARKED.exec(text) ?? LEADING.exec(text);
  if (!m) return { postalCode: own, address: text };
  const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
  return { postalCode: own || `${m[1]}-${m[2]}`, address: rest.replace(/^[,、，:：]\s*/, '') };
}

/** 1234567 / １２３－４５６７ / 〒123-4567 → 123-4567; anything else → ''. */
export function formatPostal(raw: string): string {
  const t = raw.normalize('NFKC').replace(/[〒\s]/g, '').replace(/^郵便番号[:：]?/, '');
  const m = new RegExp(`^${CODE}$`).exec(t);
  return m ? `${m[1]}-${m[2]}` : '';
}

/**
 * Byte encodings without platform encoders. Apps Script's Shift_JIS encoder silently writes '?' for an
 * unmappable character, so the 全銀 file is encoded here, where an unmappable character is an error.
 * Bytes are plain number arrays (0..255); Apps Script blobs want signed bytes (−128..127).
 */

function describe(c: string): string {
  const code = (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `"${c}" (U+${code})`;
}

/**
 * Encodes bank text to single-byte Shift_JIS: ASCII 0x20–0x7E as is, half-width katakana
 * U+FF61–U+FF9F → 0xA1–0xDF. Anything else throws an Error naming the character.
 */
export function encodeBankBytes(s: string): number[] {
  const out: number[] = [];
  let index = 0;
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) out.push(code);
    else if (code >= 0xff61 && code <= 0xff9f) out.push(code - 0xfec0);
    else throw new Error(`Cannot encode ${describe(c)} at position ${index} as a single-byte bank character`);
    index++;
  }
  return out;
}

/**
 * The inverse of encodeBankBytes. Accepts unsigned (0..255) or signed (−128..127, as Blob.getBytes
 * gives) bytes; throws on a byte outside the bank character set (control codes, double-byte lead bytes).
 */
export function decodeBankBytes(bytes: number[]): string {
  let out = '';
  bytes.forEach((raw, i) => {
    if (!Number.isInteger(raw) || raw < -128 || raw > 255) throw new Error(`Not a byte at offset ${i}: ${raw}`);
    const b = raw < 0 ? raw + 256 : raw;
    if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else if (b >= 0xa1 && b <= 0xdf) out += String.fromCharCode(b + 0xfec0);
    else throw new Error(`Byte 0x${b.toString(16).toUpperCase().padStart(2, '0')} at offset ${i} is not a bank character`);
  });
  return out;
}

/** 0..255 → −128..127 for Utilities.newBlob (already signed values pass through). */
export function toSignedBytes(bytes: number[]): number[] {
  return bytes.map((b, i) => {
    if (!Number.isInteger(b) || b < -128 || b > 255) throw new Error(`Not a byte at offset ${i}: ${b}`);
    return b > 127 ? b - 256 : b;
  });
}

/** UTF-8 bytes of a string (for the accounting CSV). Lone surrogates become U+FFFD, as TextEncoder does. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

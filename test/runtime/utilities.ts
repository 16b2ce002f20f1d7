/** Utilities, Blob (with Shift_JIS), DriveApp. */
import { createHash, randomUUID } from 'node:crypto';
import { dateMs, Fake, fail, isDate } from './core';
import type { Env } from './env';
import { formatJava, isKnownZone, parseJava } from './time';
import { FakeUser } from './ui';

// ---------------------------------------------------------------- charsets

let sjisTable: Map<number, number> | null = null;

/** Unicode code point → Shift_JIS bytes (double-byte table built once from the WHATWG decoder). */
function sjisEncoder(): Map<number, number> {
  if (sjisTable) return sjisTable;
  const t = new Map<number, number>();
  const dec = new TextDecoder('shift_jis');
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const s = dec.decode(Uint8Array.from([lead, trail]));
      if (s.length === 1 && s !== '\uFFFD') {
        const cp = s.codePointAt(0) as number;
        if (!t.has(cp)) t.set(cp, (lead << 8) | trail);
      }
    }
  }
  sjisTable = t;
  return t;
}

function normCharset(charset: unknown): 'utf-8' | 'shift_jis' | 'us-ascii' | 'iso-8859-1' | 'utf-16' {
  const c = String(charset ?? 'UTF-8').toLowerCase().replace(/_/g, '-');
  if (c === 'utf-8' || c === 'utf8') return 'utf-8';
  if (c === 'shift-jis' || c === 'sjis' || c === 'ms932' || c === 'windows-31j' || c === 'cp932') return 'shift_jis';
  if (c === 'us-ascii' || c === 'ascii') return 'us-ascii';
  if (c === 'iso-8859-1' || c === 'latin1') return 'iso-8859-1';
  if (c === 'utf-16' || c === 'utf-16be') return 'utf-16';
  fail(`Unsupported charset: ${String(charset)}`);
}

export function encode(text: string, charset?: unknown): Uint8Array {
  const cs = normCharset(charset);
  if (cs === 'utf-8') return new TextEncoder().encode(text);
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cs === 'us-ascii') out.push(cp < 0x80 ? cp : 0x3f);
    else if (cs === 'iso-8859-1') out.push(cp < 0x100 ? cp : 0x3f);
    else if (cs === 'utf-16') {
      if (out.length === 0) out.push(0xfe, 0xff);
      for (let i = 0; i < ch.length; i++) {
        const u = ch.charCodeAt(i);
        out.push(u >> 8, u & 0xff);
      }
    } else if (cp < 0x80) out.push(cp);
    else if (cp >= 0xff61 && cp <= 0xff9f) out.push(cp - 0xff61 + 0xa1);
    else {
      const code = sjisEncoder().get(cp);
      if (code === undefined) out.push(0x3f);
      else out.push(code >> 8, code & 0xff);
    }
  }
  return Uint8Array.from(out);
}

export function decode(bytes: Uint8Array, charset?: unknown): string {
  const cs = normCharset(charset);
  if (cs === 'us-ascii') return [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : '\uFFFD')).join('');
  if (cs === 'iso-8859-1') return [...bytes].map((b) => String.fromCharCode(b)).join('');
  // A UTF-8 byte order mark is kept as U+FEFF, as Java's UTF-8 decoding does (a TextDecoder would
  // drop it). The reference is silent; Apps Script code reading a CSV from Drive commonly strips a
  // leading \uFEFF after getDataAsString(), so a script must not count on it being gone.
  if (cs === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return new TextDecoder(cs).decode(bytes);
}

/**
 * Bytes from a script value: a string (UTF-8) or an array of byte numbers. The reference types the
 * array `Byte[]` (Utilities.newBlob(data: Byte[], …), Blob.setBytes(data: Byte[])): Java bytes,
 * −128…127, which is what Blob.getBytes() returns. A number outside that range (an unsigned 200 from
 * a TextEncoder) is not a byte: refused, so a script cannot count on it being wrapped.
 */
function toBytes(data: unknown, charset?: unknown): Uint8Array {
  if (typeof data === 'string') return encode(data, charset);
  if (Array.isArray(data)) {
    for (const b of data) if (!Number.isInteger(b) || (b as number) < -128 || (b as number) > 127) fail(`Invalid argument: data (${String(b)} is not a byte, −128…127)`);
    return Uint8Array.from(data.map((b) => (b as number) & 0xff));
  }
  if (data instanceof FakeBlob) return Uint8Array.from(data._bytes);
  if (data === undefined || data === null) return new Uint8Array(0);
  fail('Invalid argument: data');
}

export const signed = (bytes: Uint8Array): number[] => [...bytes].map((b) => (b > 127 ? b - 256 : b));

// ---------------------------------------------------------------- Blob

export class FakeBlob extends Fake {
  readonly _cls = 'Blob';
  constructor(
    public _bytes: Uint8Array,
    public _contentType: string | null,
    public _name: string | null,
  ) {
    super();
  }
  getBytes() {
    return signed(this._bytes);
  }
  setBytes(data: number[]) {
    this._bytes = toBytes(data);
    return this;
  }
  getDataAsString(charset?: string) {
    return decode(this._bytes, charset);
  }
  setDataFromString(s: string, charset?: string) {
    this._bytes = encode(String(s), charset);
    return this;
  }
  getName() {
    return this._name;
  }
  setName(n: string) {
    this._name = String(n);
    return this;
  }
  getContentType() {
    return this._contentType;
  }
  setContentType(t: string | null) {
    this._contentType = t;
    return this;
  }
  copyBlob() {
    return new FakeBlob(Uint8Array.from(this._bytes), this._contentType, this._name);
  }
  getBlob() {
    return this;
  }
  isGoogleType() {
    return false;
  }
}

// ---------------------------------------------------------------- Utilities

const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
const DigestAlgorithm = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const;

export class FakeUtilities extends Fake {
  readonly _cls = 'Utilities';
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  constructor(readonly _env: Env) {
    super();
  }
  formatDate(date: Date, timeZone: string, format: string) {
    if (!isDate(date)) fail('The parameters (String,String,String) don\'t match the method signature for Utilities.formatDate.');
    const ms = dateMs(date);
    if (Number.isNaN(ms)) fail('Invalid argument: date');
    return formatJava(ms, isKnownZone(String(timeZone)) ? String(timeZone) : 'GMT', String(format));
  }
  parseDate(date: string, timeZone: string, format: string) {
    return new Date(parseJava(String(date), String(timeZone), String(format)));
  }
  getUuid() {
    return randomUUID();
  }
  sleep(ms: number) {
    this._env.clock.advance(Math.max(0, Number(ms) || 0));
  }
  newBlob(data: unknown, contentType?: string, name?: string) {
    return new FakeBlob(toBytes(data), contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown, charset?: string) {
    return Buffer.from(toBytes(data, charset)).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: string) {
    return Buffer.from(toBytes(data, charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, charset?: string) {
    void charset;
    return signed(Uint8Array.from(Buffer.from(String(encoded), 'base64')));
  }
  base64DecodeWebSafe(encoded: string) {
    return signed(Uint8Array.from(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  }
  computeDigest(algorithm: string, value: unknown, charset?: string) {
    const alg: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
    const a = alg[String(algorithm)];
    if (!a) fail('Invalid argument: algorithm');
    return signed(Uint8Array.from(createHash(a).update(toBytes(value, charset)).digest()));
  }
  formatString(template: string, ...args: unknown[]) {
    let i = 0;
    return String(template).replace(/%%|%(\d*\.?\d*)([sdfi])/g, (m, prec: string, conv: string) => {
      if (m === '%%') return '%';
      const v = args[i++];
      if (conv === 'd' || conv === 'i') return String(Math.trunc(Number(v)));
      if (conv === 'f') {
        const p = prec.includes('.') ? Number(prec.split('.')[1]) : 6;
        return Number(v).toFixed(p);
      }
      return String(v);
    });
  }
}

// ---------------------------------------------------------------- DriveApp

export interface DriveFileData {
  id: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  folderId: string;
  trashed: boolean;
  created: number;
  updated: number;
  /** the account that created it (its owner in My Drive) */
  owner: string;
}

export interface DriveFolderData {
  id: string;
  name: string;
  parentId: string | null;
  trashed: boolean;
  owner: string;
  /** accounts the folder is shared with (as editors); sharing reaches everything inside it */
  editors: Set<string>;
}

/**
 * Who may see what: each account has its own My Drive (root); a file or folder is visible to its owner
 * and to the accounts a folder above it is shared with. Drive: "other users can't view files in the
 * owner's trash"; a search (getFilesByName, getFoldersByName) returns only what the account can see.
 */
export class DriveState {
  folders = new Map<string, DriveFolderData>();
  files = new Map<string, DriveFileData>();
  rootOf(user: string): string {
    const id = `root_${user}`;
    if (!this.folders.has(id)) this.folders.set(id, { id, name: 'My Drive', parentId: null, trashed: false, owner: user, editors: new Set() });
    return id;
  }
  canSeeFolder(id: string, user: string): boolean {
    for (let f = this.folders.get(id); f; f = f.parentId ? this.folders.get(f.parentId) : undefined) {
      if (f.owner === user || f.editors.has(user)) return true;
    }
    return false;
  }
  canSeeFile(id: string, user: string): boolean {
    const f = this.files.get(id);
    return !!f && (f.owner === user || this.canSeeFolder(f.folderId, user));
  }
}

const NO_ACCESS = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export class FakeIterator extends Fake {
  readonly _cls: string;
  _i = 0;
  constructor(
    cls: string,
    readonly _items: Fake[],
  ) {
    super();
    this._cls = cls;
  }
  hasNext() {
    return this._i < this._items.length;
  }
  next() {
    if (this._i >= this._items.length) fail('Cannot retrieve the next object: iterator has reached the end.');
    return this._items[this._i++];
  }
  getContinuationToken() {
    return String(this._i);
  }
}

export class FakeFile extends Fake {
  readonly _cls = 'File';
  constructor(
    readonly _env: Env,
    readonly _drive: DriveState,
    readonly _id: string,
  ) {
    super();
  }
  get _d(): DriveFileData {
    return this._drive.files.get(this._id) as DriveFileData;
  }
  getId() {
    return this._id;
  }
  getName() {
    return this._d.name;
  }
  setName(n: string) {
    this._d.name = String(n);
    return this;
  }
  getUrl() {
    return `https://drive.google.com/file/d/${this._id}/view?usp=drivesdk`;
  }
  getDownloadUrl() {
    return `https://drive.google.com/uc?id=${this._id}&export=download`;
  }
  getMimeType() {
    return this._d.mimeType;
  }
  getSize() {
    return this._d.bytes.length;
  }
  getBlob() {
    return new FakeBlob(Uint8Array.from(this._d.bytes), this._d.mimeType, this._d.name);
  }
  getAs(contentType: string) {
    return new FakeBlob(Uint8Array.from(this._d.bytes), contentType, this._d.name);
  }
  setContent(content: string) {
    this._d.bytes = encode(String(content));
    this._d.updated = this._env.clock.nowMs();
    return this;
  }
  /**
   * Drive: "Only the file owner can trash a file [...]. If you attempt to trash a file you don't own,
   * you receive an insufficientFilePermissions error." (guides/delete). Shared-with-me files can still
   * be renamed by an editor (staff share the payout folder).
   */
  setTrashed(b: boolean) {
    if (this._d.owner !== this._env.exec.effective) fail('Access denied: DriveApp.');
    this._d.trashed = !!b;
    return this;
  }
  isTrashed() {
    return this._d.trashed;
  }
  getOwner() {
    return new FakeUser(this._d.owner);
  }
  getDateCreated() {
    return new Date(this._d.created);
  }
  getLastUpdated() {
    return new Date(this._d.updated);
  }
  getParents() {
    return new FakeIterator('FolderIterator', [new FakeFolder(this._env, this._drive, this._d.folderId)]);
  }
  moveTo(folder: FakeFolder) {
    this._d.folderId = folder._id;
    return this;
  }
  setDescription(_d: string) {
    return this;
  }
  setSharing(_a: unknown, _p: unknown) {
    return this;
  }
}

export class FakeFolder extends Fake {
  readonly _cls = 'Folder';
  constructor(
    readonly _env: Env,
    readonly _drive: DriveState,
    readonly _id: string,
  ) {
    super();
  }
  get _f() {
    const f = this._drive.folders.get(this._id);
    if (!f) fail('No item with the given ID could be found, or you do not have permission to access it.');
    return f;
  }
  getId() {
    return this._id;
  }
  getName() {
    return this._f.name;
  }
  setName(n: string) {
    this._f.name = String(n);
    return this;
  }
  getUrl() {
    return `https://drive.google.com/drive/folders/${this._id}`;
  }
  createFolder(name: string) {
    const id = this._env.nextId('folder');
    if (!this._drive.canSeeFolder(this._id, this._env.exec.effective)) fail('Access denied: DriveApp.');
    this._drive.folders.set(id, { id, name: String(name), parentId: this._id, trashed: false, owner: this._env.exec.effective, editors: new Set() });
    return new FakeFolder(this._env, this._drive, id);
  }
  createFile(a: unknown, content?: unknown, mimeType?: unknown) {
    let name: string;
    let bytes: Uint8Array;
    let type: string;
    if (a instanceof FakeBlob) {
      name = a._name ?? 'Untitled';
      bytes = Uint8Array.from(a._bytes);
      type = a._contentType ?? 'application/octet-stream';
    } else {
      name = String(a);
      bytes = encode(content === undefined ? '' : String(content));
      type = mimeType === undefined ? 'text/plain' : String(mimeType);
    }
    if (!this._drive.canSeeFolder(this._id, this._env.exec.effective)) fail('Access denied: DriveApp.');
    const id = this._env.nextId('file');
    const now = this._env.clock.nowMs();
    this._drive.files.set(id, { id, name, mimeType: type, bytes, folderId: this._id, trashed: false, created: now, updated: now, owner: this._env.exec.effective });
    return new FakeFile(this._env, this._drive, id);
  }
  getFiles() {
    return new FakeIterator(
      'FileIterator',
      [...this._drive.files.values()].filter((f) => f.folderId === this._id && !f.trashed).map((f) => new FakeFile(this._env, this._drive, f.id)),
    );
  }
  getFilesByName(name: string) {
    return new FakeIterator(
      'FileIterator',
      [...this._drive.files.values()]
        .filter((f) => f.folderId === this._id && !f.trashed && f.name === String(name))
        .map((f) => new FakeFile(this._env, this._drive, f.id)),
    );
  }
  getFolders() {
    return new FakeIterator(
      'FolderIterator',
      [...this._drive.folders.values()].filter((f) => f.parentId === this._id && !f.trashed).map((f) => new FakeFolder(this._env, this._drive, f.id)),
    );
  }
  getFoldersByName(name: string) {
    return new FakeIterator(
      'FolderIterator',
      [...this._drive.folders.values()]
        .filter((f) => f.parentId === this._id && !f.trashed && f.name === String(name))
        .map((f) => new FakeFolder(this._env, this._drive, f.id)),
    );
  }
  setTrashed(b: boolean) {
    if (this._f.owner !== this._env.exec.effective) fail('Access denied: DriveApp.');
    this._f.trashed = !!b;
    return this;
  }
  isTrashed() {
    return this._f.trashed;
  }
  getOwner() {
    return new FakeUser(this._f.owner);
  }
  /** Shares the folder (and so everything in it) with an account as an editor. */
  addEditor(user: string | FakeUser) {
    this._f.editors.add(typeof user === 'string' ? user : user.getEmail());
    return this;
  }
  addEditors(users: string[]) {
    for (const u of users) this.addEditor(u);
    return this;
  }
  removeEditor(user: string | FakeUser) {
    this._f.editors.delete(typeof user === 'string' ? user : user.getEmail());
    return this;
  }
  getEditors() {
    return [...this._f.editors].map((e) => new FakeUser(e));
  }
}

export class FakeDriveApp extends Fake {
  readonly _cls = 'DriveApp';
  constructor(
    readonly _env: Env,
    readonly _drive: DriveState,
  ) {
    super();
  }
  getRootFolder() {
    return new FakeFolder(this._env, this._drive, this._drive.rootOf(this._env.exec.effective));
  }
  getFolderById(id: string) {
    if (!this._drive.folders.has(String(id))) fail('Unexpected error while getting the method or property getFolderById on object DriveApp.');
    if (!this._drive.canSeeFolder(String(id), this._env.exec.effective)) fail(NO_ACCESS);
    return new FakeFolder(this._env, this._drive, String(id));
  }
  getFileById(id: string) {
    if (!this._drive.files.has(String(id))) fail('Unexpected error while getting the method or property getFileById on object DriveApp.');
    if (!this._drive.canSeeFile(String(id), this._env.exec.effective)) fail(NO_ACCESS);
    return new FakeFile(this._env, this._drive, String(id));
  }
  getFoldersByName(name: string) {
    const me = this._env.exec.effective;
    return new FakeIterator(
      'FolderIterator',
      [...this._drive.folders.values()]
        .filter((f) => f.parentId !== null && !f.trashed && f.name === String(name) && this._drive.canSeeFolder(f.id, me))
        .map((f) => new FakeFolder(this._env, this._drive, f.id)),
    );
  }
  getFilesByName(name: string) {
    return new FakeIterator(
      'FileIterator',
      [...this._drive.files.values()]
        .filter((f) => !f.trashed && f.name === String(name) && this._drive.canSeeFile(f.id, this._env.exec.effective))
        .map((f) => new FakeFile(this._env, this._drive, f.id)),
    );
  }
  getFiles() {
    return new FakeIterator(
      'FileIterator',
      [...this._drive.files.values()].filter((f) => !f.trashed && this._drive.canSeeFile(f.id, this._env.exec.effective)).map((f) => new FakeFile(this._env, this._drive, f.id)),
    );
  }
  createFolder(name: string) {
    return this.getRootFolder().createFolder(name);
  }
  createFile(a: unknown, content?: unknown, mimeType?: unknown) {
    return this.getRootFolder().createFile(a, content, mimeType);
  }
}

export const MimeType = {
  CSV: 'text/csv',
  PLAIN_TEXT: 'text/plain',
  HTML: 'text/html',
  JSON: 'application/json',
  PDF: 'application/pdf',
  ZIP: 'application/zip',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  FOLDER: 'application/vnd.google-apps.folder',
};

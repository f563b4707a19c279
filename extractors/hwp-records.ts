import CFB from 'cfb';
import { crc32, inflateRawSync, inflateSync, type Zlib } from 'node:zlib';
import type { EtlErrorCode } from '../schemas/index.js';

/**
 * Checks that every BodyText section of an HWP 5 document can be read to its end. kordoc reads a
 * section's records until the first one that does not fit and stops there without a word, and raw
 * deflate carries no checksum, so a file damaged in the middle of a section would load as a shorter
 * document. This walks each section's record headers as kordoc inflates them (raw deflate when the
 * FileHeader's compressed bit is set; zlib first when the stream starts as zlib does), names the
 * first place where they stop tiling the stream, and checks the CRC-32 the word processor writes
 * after a deflated stream. Damage inside a record of an uncompressed section (garbled text, no
 * record lost) has no checksum to show it and goes unseen.
 */

/** FileHeader property bits (HWP 5.0 specification, table 3). */
const FLAG = { compressed: 1 << 0, password: 1 << 1, distribution: 1 << 2, drm: 1 << 4 } as const;
/** kordoc's limits: the sections it looks for, the records it reads per section, the bytes it inflates per stream. */
const MAX_SECTIONS = 100;
const MAX_RECORDS = 500_000;
const MAX_INFLATED = 100 * 1024 * 1024;
const PARA_HEADER = 66;
/** Body text tags are HWPTAG_BEGIN (16) + 50 … + 99; 0x200–0x3FF are left to other applications. */
const plausibleTag = (tag: number) => (tag >= 66 && tag <= 115) || tag >= 0x200;

export interface SectionDamage {
  readonly code: EtlErrorCode;
  readonly message: string;
}

const damaged = (message: string): SectionDamage => ({ code: 'unreadable_input', message });

/**
 * Where a section's records stop tiling it, or null when they tile it exactly. A stream cut at a record
 * boundary still tiles, so the paragraph lists are followed too: the word processor marks the last
 * paragraph of every list (the section's, a cell's) in bit 31 of its PARA_HEADER's character count, and
 * a section whose writer marks them must not end with a list still open.
 */
function recordDamage(data: Buffer): { at: number; why: string } | 'too_many' | null {
  let offset = 0;
  let level = -1;
  let count = 0;
  /** Per level, whether the latest paragraph there was its list's last; and whether the writer marks them at all. */
  const closed: boolean[] = [];
  let marks = false;
  while (offset < data.length) {
    if (count === MAX_RECORDS) return 'too_many';
    const at = offset;
    if (data.length - offset < 4) return { at, why: 'a record header is cut off by the end of the section' };
    const header = data.readUInt32LE(offset);
    const tag = header & 0x3ff;
    const next = (header >>> 10) & 0x3ff;
    let size = header >>> 20;
    offset += 4;
    if (size === 0xfff) {
      if (data.length - offset < 4) return { at, why: 'a record header is cut off by the end of the section' };
      size = data.readUInt32LE(offset);
      offset += 4;
    }
    if (!plausibleTag(tag)) return { at, why: `record tag ${tag} is no body text tag` };
    if (next > level + 1) return { at, why: `record level jumps from ${level} to ${next}` };
    if (size > data.length - offset) {
      return { at, why: `a record of ${size} bytes runs ${size - (data.length - offset)} bytes past the end` };
    }
    if (tag === PARA_HEADER && size >= 4) {
      closed[next] = (data.readUInt32LE(offset) & 0x80000000) !== 0;
      marks ||= closed[next];
    }
    offset += size;
    level = next;
    count++;
  }
  if (marks && closed.includes(false)) return { at: offset, why: 'the section ends before its last paragraph' };
  return null;
}

/** A section's inflated bytes with how much of the input the deflate stream used, or what zlib said. */
function inflate(raw: Buffer): { data: Buffer; used: number; checked: boolean } | { error: Error } {
  const opts = { maxOutputLength: MAX_INFLATED, info: true };
  if (raw[0] === 0x78) {
    try {
      const { buffer, engine } = inflateSync(raw, opts) as unknown as { buffer: Buffer; engine: Zlib };
      return { data: buffer, used: engine.bytesWritten, checked: true };
    } catch {
      // not zlib after all (kordoc falls back to raw deflate too)
    }
  }
  try {
    const { buffer, engine } = inflateRawSync(raw, opts) as unknown as { buffer: Buffer; engine: Zlib };
    return { data: buffer, used: engine.bytesWritten, checked: false };
  } catch (e) {
    return { error: e as Error };
  }
}

/** The first damage found in section `index`, or null. */
function sectionDamage(index: number, raw: Buffer, compressed: boolean): SectionDamage | null {
  const name = `HWP section ${index}`;
  let data = raw;
  let tail: Buffer = Buffer.alloc(0);
  let checked = !compressed;
  if (compressed) {
    const inflated = inflate(raw);
    if ('error' in inflated) {
      const { error } = inflated;
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return { code: 'input_too_large', message: `${name} inflates past ${MAX_INFLATED / 1024 / 1024} MB` };
      }
      return damaged(`${name} is damaged: its compressed data cannot be inflated (${error.message})`);
    }
    ({ data, checked } = inflated);
    tail = raw.subarray(inflated.used);
  }
  const records = recordDamage(data);
  if (records === 'too_many') {
    return { code: 'input_too_large', message: `${name} has more than ${MAX_RECORDS} records (limit ${MAX_RECORDS})` };
  }
  if (records) {
    const where = compressed ? `byte ${records.at} of its ${data.length} inflated bytes` : `byte ${records.at}`;
    return damaged(`${name} is damaged at ${where} (${records.why}): the rest of the section cannot be read`);
  }
  if (checked || tail.length === 0) return null;
  // The word processor ends a deflated stream with the CRC-32 and length of what it inflates to.
  if (tail.length === 8 && tail.readUInt32LE(4) === data.length) {
    return tail.readUInt32LE(0) === crc32(data) >>> 0
      ? null
      : damaged(`${name} is damaged: its content does not match its checksum`);
  }
  return damaged(`${name} is damaged: its compressed data ends at byte ${raw.length - tail.length} of ${raw.length}`);
}

/**
 * The first damaged section of an HWP 5 document (bytes kordoc has already opened), or null. Locked
 * documents are left to kordoc (their sections are encrypted, or read from ViewText), and so is a
 * compound file this reader cannot open (kordoc recovers some of those and says so in a warning).
 */
export function hwpSectionDamage(bytes: Uint8Array): SectionDamage | null {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch {
    return null;
  }
  const header = CFB.find(cfb, '/FileHeader')?.content;
  if (!header || header.length < 40) return null;
  const flags = Buffer.from(header as Uint8Array).readUInt32LE(36);
  if (flags & (FLAG.password | FLAG.distribution | FLAG.drm)) return null;
  const sections = new Map<number, Buffer>();
  cfb.FullPaths.forEach((path, i) => {
    const m = /^[^/]*\/BodyText\/Section(\d+)$/.exec(path);
    const content = cfb.FileIndex[i]?.content;
    if (m && content) sections.set(Number(m[1]), Buffer.from(content as Uint8Array));
  });
  if (sections.size > MAX_SECTIONS) {
    return { code: 'input_too_large', message: `HWP document has ${sections.size} sections (limit ${MAX_SECTIONS})` };
  }
  for (let i = 0; i < sections.size; i++) {
    const raw = sections.get(i);
    if (!raw) return damaged(`HWP section ${i} is missing while section ${Math.max(...sections.keys())} is there`);
    const damage = sectionDamage(i, raw, (flags & FLAG.compressed) !== 0);
    if (damage) return damage;
  }
  return null;
}

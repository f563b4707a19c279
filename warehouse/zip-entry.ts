import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** An entry we look up is a few kilobytes of XML; anything bigger is not what we look for. */
const MAX_ENTRY = 1 << 20;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** Offset and size of the central directory, from the end record (which may follow a comment of up to 64 KiB). */
function centralDirectory(fd: number, size: number): { offset: number; length: number } | null {
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = readAt(fd, tailStart, size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const length = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    return offset + length <= size ? { offset, length } : null;
  }
  return null;
}

/**
 * One entry of a zip file (an .xlsx is one), read without loading the archive: the end record,
 * the central directory, then that entry alone. Null when the file is not a zip, lacks the entry,
 * or stores it in a way other than stored/deflated.
 */
export function readZipEntry(path: string, name: string): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const dir = centralDirectory(fd, fstatSync(fd).size);
    if (!dir) return null;
    const cd = readAt(fd, dir.offset, dir.length);
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === CENTRAL;) {
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLength = cd.readUInt16LE(p + 28);
      const local = cd.readUInt32LE(p + 42);
      const entry = cd.subarray(p + 46, p + 46 + nameLength).toString('utf8');
      p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      if (entry.replace(/^\//, '') !== name) continue;
      if (compressed > MAX_ENTRY || (method !== 0 && method !== 8)) return null;
      const header = readAt(fd, local, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return null;
      const data = readAt(fd, local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), compressed);
      return method === 0 ? data : inflateRawSync(data, { maxOutputLength: MAX_ENTRY });
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { EtlError } from '../schemas/index.js';

/**
 * Largest source file read at all: above any report rendition (a scanned PDF included), and far
 * below what one Node buffer holds. Text and CSV are held to a lower limit by their decoder.
 */
export const MAX_SOURCE_BYTES = 256 * 1024 * 1024;

const MB = 1024 * 1024;

/** What a path that is not a regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/** Refuses anything but a regular file within `max` bytes, before a byte is read. */
function checkStat(st: Stats, source: string, max: number): void {
  if (!st.isFile()) {
    throw new EtlError('unreadable_input', `not a regular file (${kindOf(st)})`, { stage: 'extract', source });
  }
  if (st.size > max) {
    const size = `${(st.size / MB).toFixed(1)} MB`;
    throw new EtlError('input_too_large', `file is ${size} (limit ${max / MB} MB)`, { stage: 'extract', source });
  }
}

/**
 * Reads a source file's bytes. `/dev/zero`, a FIFO, a socket or a directory would hang or grow
 * without bound (holding the warehouse lock), so the path is stat'ed first and refused unless it
 * is a regular file of at most `max` bytes; it is opened non-blocking (a FIFO swapped in after the
 * stat cannot hang the open) and checked again on the open descriptor. File-system errors
 * (missing file, no permission) are thrown as they are, for the caller to name.
 */
export function readSource(path: string, max = MAX_SOURCE_BYTES): Uint8Array {
  checkStat(statSync(path), path, max);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    checkStat(st, path, max);
    const bytes = Buffer.allocUnsafe(st.size);
    let read = 0;
    // a file that shrinks while read ends early; one that grows is read as it was stat'ed
    for (let n = -1; read < st.size && n !== 0; read += n) n = readSync(fd, bytes, read, st.size - read, null);
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

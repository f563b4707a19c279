import yauzl from 'yauzl';
import { EtlError } from '../schemas/index.js';

export interface ZipLimits {
  /** Total uncompressed bytes of all entries. */
  readonly maxTotalBytes: number;
  readonly maxEntries: number;
  /** Uncompressed ÷ compressed size of one entry larger than 1 MB. */
  readonly maxRatio: number;
}

/** A report workbook is kilobytes; 64 MB of XML already makes a JavaScript workbook of gigabytes. */
export const XLSX_LIMITS: ZipLimits = { maxTotalBytes: 64 * 1024 * 1024, maxEntries: 10_000, maxRatio: 200 };

/**
 * Checks a ZIP (an XLSX) before anything inflates it: the central directory's declared sizes
 * must stay within the limits, and every entry is then inflated once as a stream that yauzl stops
 * as soon as it yields more than it declared. A zip bomb fails here, cheaply, with a clear error.
 */
export async function guardZip(bytes: Uint8Array, source: string, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  const fail = (message: string) => new EtlError('input_too_large', message, { stage: 'extract', source });
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, z) => (err ? reject(err) : resolve(z!)),
    ),
  ).catch((e: Error) => {
    throw new EtlError('unreadable_input', `not a readable ZIP/XLSX: ${e.message}`, {
      stage: 'extract',
      source,
      cause: e,
    });
  });
  let declared = 0;
  let entries = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (e: Error) =>
      reject(
        new EtlError('unreadable_input', `damaged ZIP/XLSX: ${e.message}`, { stage: 'extract', source, cause: e }),
      ),
    );
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      entries++;
      declared += entry.uncompressedSize;
      if (entries > limits.maxEntries) return reject(fail(`more than ${limits.maxEntries} entries`));
      if (declared > limits.maxTotalBytes)
        return reject(
          fail(
            `declares ${Math.round(declared / 1048576)} MB uncompressed (limit ${limits.maxTotalBytes / 1048576} MB): refusing to inflate`,
          ),
        );
      if (
        entry.uncompressedSize > 1 << 20 &&
        entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
      ) {
        return reject(
          fail(
            `${entry.fileName} inflates ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1 (limit ${limits.maxRatio}:1): refusing to inflate`,
          ),
        );
      }
      if (entry.generalPurposeBitFlag & 1)
        return reject(new EtlError('encrypted_input', 'ZIP entries are encrypted', { stage: 'extract', source }));
      if (/\/$/.test(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream)
          return reject(
            new EtlError('unreadable_input', `damaged ZIP entry ${entry.fileName}: ${err?.message}`, {
              stage: 'extract',
              source,
              cause: err,
            }),
          );
        stream.on('error', (e: Error) =>
          reject(
            new EtlError('unreadable_input', `damaged ZIP entry ${entry.fileName}: ${e.message}`, {
              stage: 'extract',
              source,
              cause: e,
            }),
          ),
        );
        stream.on('end', () => zip.readEntry());
        stream.resume();
      });
    });
    zip.readEntry();
  });
}

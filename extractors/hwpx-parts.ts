import yauzl from 'yauzl';
import { EtlError } from '../schemas/index.js';

/**
 * The XML parts of an HWPX package (`*.xml`, `*.hpf`), inflated. Call after `guardZip`, which has
 * bounded what they can inflate to.
 */
export async function inflatedParts(bytes: Uint8Array, source: string): Promise<Array<[string, Buffer]>> {
  const damaged = (e: Error) =>
    new EtlError('unreadable_input', `damaged HWPX: ${e.message}`, { stage: 'extract', source, cause: e });
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, z) => (err ? reject(damaged(err)) : resolve(z!))),
  );
  const parts: Array<[string, Buffer]> = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (e: Error) => reject(damaged(e)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!/\.(xml|hpf|rdf)$/i.test(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(damaged(err ?? new Error(entry.fileName)));
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', (e: Error) => reject(damaged(e)));
        stream.on('end', () => {
          parts.push([entry.fileName, Buffer.concat(chunks)]);
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return parts;
}

import { parse, type ParseFailure } from 'kordoc';
import type { ExtractedDocument, Issue } from '../schemas/index.js';
import { EtlError, type EtlErrorCode } from '../schemas/index.js';
import { buildExtracted } from './build-extracted.js';
import type { SourceRef } from './extractor.js';
import { blocksToLines } from './hwp-lines.js';
import { hwpSectionDamage } from './hwp-records.js';
import { guardZip, type ZipLimits } from './zip-guard.js';

/** A press release is a few hundred KB of XML; 64 MB is far past any real document, far short of a bomb. */
const HWPX_LIMITS: ZipLimits = { maxTotalBytes: 64 * 1024 * 1024, maxEntries: 10_000, maxRatio: 200 };

/**
 * kordoc's failures we name ourselves; `said` is whether kordoc's own words are worth adding (its
 * advice for a locked document, to pass a `password` option, is not one this CLI has).
 */
const FAILURES: Partial<Record<NonNullable<ParseFailure['code']>, [EtlErrorCode, string, said: boolean]>> = {
  ENCRYPTED: ['encrypted_input', 'password-protected', false],
  DRM_PROTECTED: ['encrypted_input', 'DRM-locked (문서 보안)', false],
  ZIP_BOMB: ['input_too_large', 'refusing to inflate a zip bomb', true],
  DECOMPRESSION_BOMB: ['input_too_large', 'refusing to inflate a decompression bomb', true],
};

/** What kordoc said, on one line and not too long. */
const oneLine = (message: string) => message.replace(/\s+/g, ' ').trim().slice(0, 200);

/** One line naming the file and why kordoc could not read it. */
function failure(result: ParseFailure, format: 'hwp' | 'hwpx', source: string): EtlError {
  const [code, why, said] = (result.code && FAILURES[result.code]) ?? ['unreadable_input', 'not readable', true];
  const message = `${format.toUpperCase()} document ${why}${said ? `: ${oneLine(result.error)}` : ''}`;
  return new EtlError(code, message, { stage: 'extract', source });
}

/**
 * An HWPX package names XML parts only; a DOCTYPE in one could declare entities (a billion laughs),
 * and the word processor never writes one, so such a package is refused rather than parsed.
 */
async function refuseDoctype(bytes: Uint8Array, source: string): Promise<void> {
  const { inflatedParts } = await import('./hwpx-parts.js');
  for (const [name, xml] of await inflatedParts(bytes, source)) {
    if (/<!DOCTYPE|<!ENTITY/i.test(xml.toString('latin1'))) {
      throw new EtlError('unreadable_input', `HWPX part ${name} declares a DTD (entities are never expanded)`, {
        stage: 'extract',
        source,
      });
    }
  }
}

/** HWP 5 or HWPX → extracted artifact, read by kordoc (which loads here, on the first such document). */
export async function readHwp(
  bytes: Uint8Array,
  ref: SourceRef,
  pipeline_version: string,
  format: 'hwp' | 'hwpx',
): Promise<ExtractedDocument> {
  const source = ref.source_path;
  if (format === 'hwpx') {
    await guardZip(bytes, source, HWPX_LIMITS);
    await refuseDoctype(bytes, source);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const result = await parse(buffer, { keepEmptyParagraphs: true }).catch((e: Error) => {
    throw new EtlError('unreadable_input', `${format.toUpperCase()} document not readable: ${oneLine(e.message)}`, {
      stage: 'extract',
      source,
      cause: e,
    });
  });
  if (!result.success) throw failure(result, format, source);
  if (result.fileType !== format) {
    throw new EtlError('format_mismatch', `read as ${format} but kordoc found ${result.fileType}`, {
      stage: 'extract',
      source,
    });
  }
  if (format === 'hwp') {
    // kordoc stops at a section's first unreadable record without a word: a damaged file is refused, not loaded short
    const damage = hwpSectionDamage(bytes);
    if (damage) throw new EtlError(damage.code, damage.message, { stage: 'extract', source });
  }
  const issues: Issue[] = (result.warnings ?? []).map((w) => ({
    code: `hwp_${w.code.toLowerCase()}`,
    message: w.message,
    line_no: null,
  }));
  const lines = blocksToLines(result.blocks, result.metadata?.pageMode === 'layout');
  return buildExtracted(ref, lines, { format, encoding: format, pipeline_version, issues });
}

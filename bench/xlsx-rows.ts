import ExcelJS from 'exceljs';
import { parseArgs } from 'node:util';
import { extractXlsx } from '../extractors/index.js';

/**
 * Rows against time for the XLSX reader: one sheet of N rows × 4 columns, read into lines.
 * `node dist/bench/xlsx-rows.js --rows 8000,50000`. Time per row should stay flat as N grows.
 */
const { values } = parseArgs({ options: { rows: { type: 'string', default: '8000,50000' } } });
const ref = {
  document_id: 'bench',
  publisher: 'bench',
  report_year: 2020,
  source_path: 'bench.xlsx',
  source_sha256: '',
};

for (const n of values.rows
  .split(',')
  .map(Number)
  .filter((r) => r > 0)) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('실적');
  ws.addRow(['구분', '서울', '부산', '합계']);
  for (let r = 0; r < n; r++) ws.addRow([`행${r}`, r % 97, r % 89, (r % 97) + (r % 89)]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const t0 = performance.now();
  const doc = await extractXlsx(bytes, ref, 'bench');
  const s = (performance.now() - t0) / 1000;
  console.log(`${n} rows: ${doc.lines.length} lines in ${s.toFixed(2)} s (${((s / n) * 1e6).toFixed(1)} µs/row)`);
}

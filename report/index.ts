export { renderReport, type ReportData } from './render-report.js';
export { fillWorkbook, sheetName } from './workbook.js';
export { layoutTable } from './table-layout.js';
export { PALETTE, RESTATED_COLOR } from './charts.js';

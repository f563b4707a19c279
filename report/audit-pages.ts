import { bilingual } from './html.js';
import { esc, fmt, numOrNull, splitComment, str, type Row, type Rows } from './text.js';

/** A finding's row: the table, what was checked, printed against computed, and the line it was printed on. */
function findingRow(f: Row): string {
  const printed = numOrNull(f.actual);
  const computed = numOrNull(f.expected);
  const diff = printed !== null && computed !== null ? printed - computed : null;
  return `<tr class="${f.passed ? 'passed' : 'failed'}">
<td>${esc(f.document_id)}</td><td>${esc(f.table_title || '본문')} <code>${esc(f.table_id)}</code></td>
<td><code>${esc(f.kind)}</code></td><td>${esc(f.label)}</td>
<td class="num">${esc(fmt(printed))}</td><td class="num">${esc(fmt(computed))}</td>
<td class="num">${esc(fmt(diff))}</td>
<td class="num">${esc(f.line_no)}</td><td><code>${esc(f.line_text)}</code></td><td>${esc(f.message)}</td></tr>`;
}

const FINDING_HEAD = `<thead><tr><th>문서</th><th>표</th><th>종류</th><th>항목</th><th>보고서 값<br><span class="en">printed</span>
</th>
<th>계산 값<br><span class="en">computed</span></th><th>차이<br><span class="en">difference</span></th>
<th>줄<br><span class="en">line</span></th><th>원문<br><span class="en">source line</span></th><th>설명</th></tr></thead>`;

/**
 * The arithmetic audit: every check that fails (the printed value, the value its parts give, the
 * source line), then the checks that pass, counted by kind and listed in a fold.
 */
export function findingsBody(findings: Rows): string {
  const failed = findings.filter((f) => f.passed === false);
  const passed = findings.filter((f) => f.passed !== false);
  const kinds = new Map<string, number>();
  for (const f of passed) kinds.set(str(f.kind), (kinds.get(str(f.kind)) ?? 0) + 1);
  const counts = [...kinds].map(([k, n]) => `<li><code>${esc(k)}</code>: ${n}</li>`).join('');
  return `<h1>${bilingual('검증 결과', 'Audit findings')}</h1>
<p class="note">합계·소계·비율을 구성 항목으로 다시 계산해 보고서에 적힌 값과 비교했습니다.
<span class="en" lang="en">Totals, subtotals and shares recomputed from their parts and compared with the printed
values.</span></p>
<h2>${bilingual(`맞지 않는 값 ${failed.length}건`, `${failed.length} values that do not add up`)}</h2>
<div class="scroll"><table class="findings">${FINDING_HEAD}<tbody>${failed.map(findingRow).join('')}</tbody></table>
</div>
<h2>${bilingual(`맞는 값 ${passed.length}건`, `${passed.length} checks passed`)}</h2>
<ul>${counts}</ul>
<details><summary>모두 보기 <span class="en">show all</span></summary>
<div class="scroll"><table>${FINDING_HEAD}<tbody>${passed.map(findingRow).join('')}</tbody></table></div></details>`;
}

interface Column {
  readonly name: string;
  readonly type: string;
  readonly comment: string;
}

const columnsOf = (r: Row): Column[] =>
  (Array.isArray(r.columns) ? r.columns : []).map((c: Record<string, unknown>) => ({
    name: str(c.name),
    type: str(c.type),
    comment: str(c.comment),
  }));

/** The data dictionary: every table and view, and every column, in Korean and English, as the warehouse holds it. */
export function dictionaryBody(dictionary: Rows): string {
  const toc = dictionary.map(
    (r) => `<li><a href="#${esc(r.name)}"><code>${esc(r.name)}</code></a>
    ${esc(splitComment(r.comment).ko)}</li>`,
  );
  const relations = dictionary.map((r) => {
    const d = splitComment(r.comment);
    const rows = columnsOf(r).map((c) => {
      const cd = splitComment(c.comment);
      return `<tr id="${esc(`${str(r.name)}.${c.name}`)}"><th scope="row"><code>${esc(c.name)}</code></th>
<td><code>${esc(c.type)}</code></td><td>${esc(cd.ko)}</td><td lang="en">${esc(cd.en)}</td></tr>`;
    });
    const kind = r.kind === 'view' ? '보기 view' : '표 table';
    return `<section id="${esc(r.name)}"><h2><code>${esc(r.name)}</code> <span class="note">${kind}</span></h2>
<p>${esc(d.ko)}<br><span class="en" lang="en">${esc(d.en)}</span></p>
<div class="scroll"><table><thead><tr><th>열 <span class="en">column</span></th><th>형식 <span class="en">type</span></th>
<th>설명</th><th>Description</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
  });
  return `<h1>${bilingual('데이터 사전', 'Data dictionary')}</h1>
<p class="note">웨어하우스(kbiz.duckdb)의 모든 표·보기·열.
<span class="en" lang="en">Every table, view and column of the warehouse.</span></p>
<ul class="toc">${toc.join('')}</ul>
${relations.join('\n')}`;
}

/** Documents loaded, for the index. */
export function documentsTable(documents: Rows): string {
  const rows = documents.map(
    (d) => `<tr><td>${esc(d.title)}</td><td class="num">${esc(d.report_year)}</td>
<td><code>${esc(d.document_id)}</code></td><td><code>${esc(d.source_path)}</code></td></tr>`,
  );
  return `<table><thead><tr><th>보고서</th><th>연도</th><th>문서 ID</th><th>원문</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

import { fieldLabel, type SchemaIssue } from '@hunan-perf/contracts';

/** Coded values in words (the codes stay what the API accepts). */
const VALUE_WORDS: Record<string, string> = {
  department_overall: '部门整体支出（department_overall）', project: '项目支出（project）',
  province: '省级（province）', city: '市级（city）', county: '县级（county）',
};

/** What a schema check says about a field (libs/contracts writes it in English), in Chinese. */
const ISSUE_WORDS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^is missing$/, () => '缺失'],
  [/^is not a field of/, () => '不是报告中的字段'],
  [/^must be (number|integer)$/, (m) => (m[1] === 'integer' ? '必须是整数' : '必须是数字')],
  [/^must be string$/, () => '必须是文本'],
  [/^must be boolean$/, () => '必须是 是/否'],
  [/^must be array$/, () => '必须是列表'],
  [/^must be object$/, () => '必须是对象'],
  [/^must be one of (.+)$/, (m) => `必须是以下之一：${m[1]!.split(', ').map((v) => VALUE_WORDS[v] ?? v).join('、')}`],
  [/^must be (>=|>|<=|<) (-?[\d.]+)$/, (m) => `${({ '>=': '不能小于', '>': '必须大于', '<=': '不能大于', '<': '必须小于' } as Record<string, string>)[m[1]!]} ${m[2]}`],
  [/^must NOT have more than (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must NOT have fewer than (\d+) characters$/, (m) => `至少 ${m[1]} 个字符`],
  [/^must match pattern/, () => '格式不正确'],
  [/^must match format "date"$/, () => '必须是日期（如 2024-03-31）'],
];

/** "reportKind must be one of department_overall, project" → "报告类型必须是以下之一：…". */
export function schemaIssueText(issue: SchemaIssue): string {
  const label = issue.path === '(document)' ? '报告' : fieldLabel(issue.path);
  for (const [pattern, words] of ISSUE_WORDS) {
    const m = pattern.exec(issue.message);
    if (m) return `${label}${words(m)}`;
  }
  return `${label}不符合数据规范`;
}

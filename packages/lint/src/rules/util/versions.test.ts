import { describe, expect, it } from 'vitest';
import { adviseDvcVersion, atLeast, dvcMajorOfImage, sameVersion } from './versions.js';

describe('PEP 440 comparisons', () => {
  it('treats 3.63 and 3.63.0 as one version', () => {
    expect(sameVersion('3.63', '3.63.0')).toBe(true);
    expect(sameVersion('3.63.1', '3.63.0')).toBe(false);
    expect(sameVersion('latest', 'latest')).toBe(false);
  });
  it('orders by release segments, not by text', () => {
    expect(atLeast('2.10', '2.8')).toBe(true);
    expect(atLeast('2.8.0', '2.8')).toBe(true);
    expect(atLeast('2.7.4', '2.8')).toBe(false);
    expect(atLeast('2.8.0rc1', '2.8')).toBe(false);
    expect(atLeast('main', '2.8')).toBeUndefined();
  });
});

describe('DVC of CML images', () => {
  it('reads the major of a rolling tag under every image name', () => {
    expect(dvcMajorOfImage('iterativeai/cml:0-dvc2-base1-gpu')).toBe('2');
    expect(dvcMajorOfImage('ghcr.io/iterative/cml:0-dvc3-base1')).toBe('3');
    expect(dvcMajorOfImage('python:3.12')).toBeUndefined();
  });
  it('advises a release of a closed major, the default for the current one', () => {
    expect(adviseDvcVersion(['iterativeai/cml:0-dvc2-base1'], '3.63.0')).toBe('2.58.2');
    expect(adviseDvcVersion(['iterativeai/cml:0-dvc3-base1'], '3.63.0')).toBe('3.63.0');
  });
});

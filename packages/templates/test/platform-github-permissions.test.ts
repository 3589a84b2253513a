import { describe, expect, it } from 'vitest';
import { permissionExcesses, requiredPermissions } from '../src/index.js';

const called = {
  on: { workflow_call: {} },
  permissions: { contents: 'read' },
  jobs: {
    experiment: { 'runs-on': 'ubuntu-latest', steps: [] },
    report: { if: '${{ inputs.cml }}', permissions: { contents: 'read', 'pull-requests': 'write' }, steps: [] },
  },
};

describe('permissionExcesses (GitHub reusable workflow permission rule)', () => {
  it("reports a nested job asking more than the calling job grants, whatever its if: says, in GitHub's words", () => {
    expect(permissionExcesses(called, { contents: 'read' })).toEqual([
      {
        job: 'report',
        scope: 'pull-requests',
        requested: 'write',
        allowed: 'none',
        message: "The nested job 'report' is requesting 'pull-requests: write', but is only allowed 'pull-requests: none'.",
      },
    ]);
  });

  it('accepts a grant that covers every nested job', () => {
    expect(permissionExcesses(called, { contents: 'read', 'pull-requests': 'write' })).toEqual([]);
    expect(permissionExcesses(called, 'write-all')).toEqual([]);
  });

  it('read-all grants read only', () => {
    expect(permissionExcesses(called, 'read-all').map((e) => e.message)).toEqual([
      "The nested job 'report' is requesting 'pull-requests: write', but is only allowed 'pull-requests: read'.",
    ]);
  });

  it('an absent job grant falls back to the caller workflow, then to the repository default', () => {
    expect(permissionExcesses(called, undefined, { workflow: { contents: 'read', 'pull-requests': 'write' } })).toEqual([]);
    expect(permissionExcesses(called, undefined)).toHaveLength(1);
    expect(permissionExcesses(called, undefined, { repositoryDefault: 'permissive' })).toEqual([]);
  });

  it('uses the called workflow top-level permissions for jobs without their own', () => {
    const keyless = { permissions: { contents: 'read', 'id-token': 'write' }, jobs: { experiment: {} } };
    expect(permissionExcesses(keyless, { contents: 'read' }).map((e) => e.message)).toEqual([
      "The nested job 'experiment' is requesting 'id-token: write', but is only allowed 'id-token: none'.",
    ]);
    expect(requiredPermissions(keyless)).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('a job with permissions: {} asks for nothing; a job with no permissions anywhere inherits', () => {
    expect(permissionExcesses({ jobs: { a: { permissions: {} }, b: {} } }, {})).toEqual([]);
  });
});

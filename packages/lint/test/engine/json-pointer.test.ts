import { describe, expect, it } from 'vitest';
import { pointerParts } from '../../src/json-pointer.js';

describe('pointerParts', () => {
  it.each([
    ['', []],
    ['/jobs/build/steps/0', ['jobs', 'build', 'steps', '0']],
    ['/jobs/a~1b', ['jobs', 'a/b']],
    ['/jobs/a~0b', ['jobs', 'a~b']],
    // ~01 is "~" then "1", never "/" (RFC 6901: ~1 is unescaped first).
    ['/jobs/a~01', ['jobs', 'a~1']],
    ['/jobs/', ['jobs', '']],
  ] as const)('%j → %j', (pointer, parts) => {
    expect(pointerParts(pointer)).toEqual(parts);
  });
});

/** JSON Pointer (RFC 6901), as ajv reports where an error is: `/jobs/a~1b/steps/0` → ["jobs", "a/b", "steps", "0"]. */
export function pointerParts(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

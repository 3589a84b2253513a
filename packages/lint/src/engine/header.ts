/** The vendored-template header (`# mlops-pipeline: <template>@<version>` comment block) of a file. */
import type { VendoredHeader } from '../model.js';
import type { Source } from '../parse/source.js';
import { spanAt } from '../parse/source.js';
import type { TemplatesApi } from './templates.js';

export function vendoredHeader(src: Source, templates: TemplatesApi): VendoredHeader | undefined {
  const parse = templates.parseHeader;
  if (!parse || !src.text.trimStart().startsWith('#')) return undefined;
  let parsed;
  try {
    parsed = parse(src.text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed.version !== 'string') return undefined;
  let offset = 0;
  const at = src.text.indexOf(parsed.version);
  if (at >= 0) offset = src.text.lastIndexOf('\n', at) + 1;
  const lineEnd = src.text.indexOf('\n', offset);
  return {
    template: parsed.template,
    version: parsed.version,
    inputs: parsed.inputs ?? {},
    span: spanAt(src.file, src.lineCounter, offset, lineEnd < 0 ? src.text.length : lineEnd),
  };
}

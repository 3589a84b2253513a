/**
 * The `spec:` header of a GitLab CI/CD component as a model ComponentSpec. An input without
 * `default:` is required; `type` defaults to `string`
 * (https://docs.gitlab.com/ci/inputs/#define-input-parameters-with-specinputs).
 */
import type { ComponentSpec } from '../model.js';
import type { Source } from '../parse/source.js';
import { createViewContext, entry, get, spanOf, toView } from '../parse/view.js';
import { inputDeclarations } from '../keyed.js';

export function componentSpec(src: Source): ComponentSpec | undefined {
  if (!src.header) return undefined;
  const root = toView(src.header.contents, createViewContext(src));
  const spec = entry(root, 'spec');
  if (!spec) return undefined;
  return { span: spanOf(spec.keyView), inputs: inputDeclarations(get(spec.value, 'inputs'), true) };
}

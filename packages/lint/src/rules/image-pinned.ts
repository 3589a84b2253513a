import picomatch from 'picomatch';
import type { Located, Rule } from '../model.js';
import { isDynamicImage, parseImage } from './util/images.js';
import { spanKey } from '../span-key.js';

export const imagePinned: Rule = {
  meta: {
    id: 'image-pinned',
    description: 'Container images name a tag other than `latest` (`--strict`: a digest).',
    defaultSeverity: 'error',
    fixable: false,
    providers: ['github', 'gitlab'],
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: { type: 'array', items: { type: 'string' }, description: 'image patterns (e.g. "registry.example.com/team/*") that may float' },
      },
    },
  },
  check(ctx) {
    const allow = Array.isArray(ctx.options.allow) ? (ctx.options.allow as string[]).map((p) => picomatch(p)) : [];
    const images: Located<string>[] = [];
    for (const job of ctx.workflow.jobs) {
      images.push(...job.images);
      for (const step of job.steps) if (step.uses?.raw.startsWith('docker://')) images.push({ value: step.uses.raw, span: step.uses.span });
    }
    const seen = new Set<string>();
    for (const img of images) {
      const key = spanKey(img.span);
      if (seen.has(key) || isDynamicImage(img.value) || img.value.trim() === '') continue;
      seen.add(key);
      const ref = parseImage(img.value);
      if (ref.digest) continue;
      const full = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
      if (allow.some((m) => m(full) || m(ref.repository))) continue;
      if (ref.tag === undefined) {
        ctx.report({ span: img.span, message: `image \`${img.value}\` has no tag, so it runs whatever \`latest\` is today: pin a version tag` });
      } else if (ref.tag === 'latest') {
        ctx.report({ span: img.span, message: `image \`${img.value}\` follows \`latest\`: pin a version tag` });
      } else if (ctx.strict) {
        ctx.report({ span: img.span, message: `image \`${img.value}\` is pinned by tag, which can be moved: --strict requires a digest (\`@sha256:…\`)` });
      }
    }
  },
};

/** Seeded mutations of CI files for fuzz tests (failures replay from the seed). */

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NOISE = ['\u0000', '\uFFFD', '"', "'", '{', '}', '[', ']', ':', '- ', '&a ', '*a', '!reference ', '${{', '}}', '$[[ inputs.x ]]', '\t', '#', '|', '>', '---\n', '<<: *a', '%YAML 1.1\n', '? ', '\r'];

export function mutate(text: string, rand: () => number): string {
  const lines = text.split('\n');
  const pick = (): number => Math.floor(rand() * Math.max(lines.length, 1));
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const i = pick();
    switch (Math.floor(rand() * 6)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2: {
        const j = pick();
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 3:
        lines[i] = rand() < 0.5 ? `  ${lines[i] ?? ''}` : (lines[i] ?? '').replace(/^ {1,2}/, '');
        break;
      case 4: {
        const line = lines[i] ?? '';
        const at = Math.floor(rand() * (line.length + 1));
        lines[i] = line.slice(0, at) + NOISE[Math.floor(rand() * NOISE.length)]! + line.slice(at);
        break;
      }
      default: {
        const line = lines[i] ?? '';
        const at = Math.floor(rand() * (line.length + 1));
        lines[i] = line.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x2fff)) + line.slice(at);
      }
    }
  }
  return lines.join('\n');
}

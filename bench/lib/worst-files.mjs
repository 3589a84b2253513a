// The worst single files mlops-lint still checks: each shape grows until one more item would pass
// the size limit (2 MB) or the structure limit (100,000 lines and flow items), the largest inputs
// that are parsed and modelled rather than refused with a `file-size` / `yaml-syntax` finding.
// Used by `node bench/run.mjs --only limits`: time and peak RSS of one CLI run per shape.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAX_BYTES = 2 * 1024 * 1024;
const MAX_UNITS = 100_000;

/** Lines plus flow separators, as the linter counts them before parsing. */
function structureUnits(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44 || c === 91 || c === 123) n++;
  }
  return n;
}

const GITHUB_JOB = 'on: push\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n';
const GITHUB_TAIL = 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dvc pull\n';

/** name, CI file, head, one item (numbered), tail. */
const SHAPES = [
  ['GitLab: one job, script lines', '.gitlab-ci.yml', 'train:\n  script:\n', (i) => `    - echo ${i} done && python train.py --epochs 3 --data data/${i} --out models/${i} --seed ${i}\n`, ''],
  ['GitLab: one job, a secret echoed per line', '.gitlab-ci.yml', 'train:\n  script:\n', (i) => `    - echo ${i} $AWS_SECRET_ACCESS_KEY and more words to print ${i}\n`, ''],
  ['GitLab: jobs of five lines', '.gitlab-ci.yml', 'stages: [test]\n', (i) => `job${i}:\n  stage: test\n  script:\n    - dvc pull\n    - dvc repro\n`, ''],
  ['GitLab: one-line flow jobs', '.gitlab-ci.yml', 'stages: [test]\n', (i) => `j${i}: {script: [a]}\n`, ''],
  ['GitHub: jobs of four lines', '.github/workflows/ci.yml', 'on: push\njobs:\n', (i) => `  j${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dvc pull && dvc repro\n`, ''],
  ['GitHub: steps of one job', '.github/workflows/ci.yml', GITHUB_JOB, (i) => `      - name: step ${i}\n        run: dvc repro stage${i} && python evaluate.py --model models/${i} --report reports/${i}.json\n`, ''],
  ['GitHub: one run script', '.github/workflows/ci.yml', `${GITHUB_JOB}      - run: |\n`, (i) => `          echo "line ${i}" && dvc pull data/${i}.dvc --jobs 4 && python prepare.py --in data/${i} --out out/${i}\n`, ''],
  ['GitHub: env map', '.github/workflows/ci.yml', 'on: push\nenv:\n', (i) => `  K${i}: value-${i}-with-some-text\n`, GITHUB_TAIL],
];

/** Writes one repository per shape under `dir`; returns [{ name, repo, file, bytes, units }]. */
export function writeWorstFiles(dir) {
  return SHAPES.map(([name, file, head, item, tail], index) => {
    let body = '';
    let units = structureUnits(head + tail);
    for (let i = 0; ; i++) {
      const next = item(i);
      const nextUnits = structureUnits(next);
      if (head.length + body.length + next.length + tail.length > MAX_BYTES || units + nextUnits > MAX_UNITS) break;
      body += next;
      units += nextUnits;
    }
    const repo = path.join(dir, `shape-${index}`);
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    const text = head + body + tail;
    writeFileSync(path.join(repo, file), text);
    return { name, repo, file, bytes: Buffer.byteLength(text), units };
  });
}

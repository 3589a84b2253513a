import { describe, expect, it } from 'vitest';
import type { Script } from '../../model.js';
import { commands, firstCommandIndex, lastCommandIndex, loopNameVariables, wordSpan } from './shell.js';

function script(text: string, line = 10, column = 7): Script {
  const lines = text.split('\n').map((t, i) => ({ text: t, span: { file: 'f.yml', line: line + i, column, endLine: line + i, endColumn: column + t.length } }));
  return { text, span: lines[0]!.span, lines };
}
const argvs = (text: string): string[] => commands(script(text)).map((c) => c.argv.join(' ')).filter((a) => a !== '');

describe('here-documents are data', () => {
  it('skips the body of <<EOF up to its delimiter', () => {
    expect(argvs('cat <<EOF > report.md\ndvc repro\necho $AWS_SECRET_ACCESS_KEY\nEOF\ndvc push')).toEqual(['cat <<EOF > report.md', 'dvc push']);
  });
  it('knows quoted delimiters, <<- with tab-indented bodies, and a delimiter in the next word', () => {
    expect(argvs("cat <<'END' >> params.yaml\nlr: 0.1\nEND\ndvc pull")).toEqual(['cat <<END >> params.yaml', 'dvc pull']);
    expect(argvs('cat <<-"EOF"\n\tdvc repro\n\tEOF\ndvc pull')).toEqual(['cat <<-EOF', 'dvc pull']);
    expect(argvs('cat << EOF\ngit push\nEOF\ndvc pull')).toEqual(['cat << EOF', 'dvc pull']);
  });
  it('reads a here-document opened inside $( … )', () => {
    expect(argvs('BODY="$(cat <<\'EOF\'\ndvc repro\nEOF\n)"\ndvc pull')).toEqual(['dvc pull']);
  });
  it('keeps the body as the data of the command that reads it', () => {
    const cmds = commands(script("cat <<'EOF' > key.json\n${{ secrets.GCP_KEY }}\nEOF\ndvc pull"));
    expect(cmds[0]!.hereDoc).toEqual(['${{ secrets.GCP_KEY }}']);
    expect(cmds[1]!.hereDoc).toBeUndefined();
  });
  it('leaves here-strings, quoted << and shifts alone', () => {
    expect(argvs('grep x <<< "$OUT"\ndvc pull')).toEqual(['grep x <<< $OUT', 'dvc pull']);
    expect(argvs('echo "a << b"\ndvc pull')).toEqual(['echo a << b', 'dvc pull']);
    expect(argvs('echo $((1 << 2))\ndvc pull')).toEqual(['echo $((1 << 2))', 'dvc pull']);
  });
});

describe('subshells and groups hold commands', () => {
  it('reads the commands of ( … )', () => {
    const cmds = commands(script('(cd data && dvc pull) || exit 1\ndvc repro'));
    expect(cmds.map((c) => [c.argv.join(' '), c.next])).toEqual([
      ['cd data', '&&'],
      ['dvc pull', '||'],
      ['exit 1', 'end'],
      ['dvc repro', 'end'],
    ]);
    expect(cmds[1]!.span.column).toBe(7 + '(cd data && '.length);
  });
  it('reads the commands of { …; } and of a subshell after an operator', () => {
    expect(argvs('{ dvc fetch; dvc checkout; } > log\ntest -f x || (echo missing; exit 1)')).toEqual(['dvc fetch', 'dvc checkout', '> log', 'test -f x', 'echo missing', 'exit 1']);
  });
  it('keeps $( … ) and function definitions as words', () => {
    expect(argvs('X=$(dvc version | head -1) echo ok')).toEqual(['echo ok']);
  });
});

describe('loop variables holding names', () => {
  it('knows a for loop over variable names', () => {
    const s = script('for s in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY; do\n  test -n "${!s}" || echo "$s is not set"\ndone');
    expect([...loopNameVariables(s)]).toEqual([['s', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]]);
  });
  it('ignores loops over values', () => {
    expect([...loopNameVariables(script('for f in data/*.csv "$TOKEN"; do wc -l "$f"; done'))]).toEqual([]);
  });
});

describe('a script is read once', () => {
  it('tokenises a script once however many rules ask for its commands', () => {
    const s = script('dvc pull \\\n  -r origin && dvc repro | tee log\nset -o pipefail\nbase64 -d key > key.json');
    const first = commands(s);
    expect(commands(s)).toBe(first);
    expect(first.map((c) => c.index)).toEqual(first.map((_, i) => i));
    let tests = 0;
    const isSet = (c: (typeof first)[number]): boolean => {
      tests++;
      return c.argv[0] === 'set';
    };
    expect(firstCommandIndex(s, 'set', isSet)).toBe(3);
    expect(firstCommandIndex(s, 'set', isSet)).toBe(3);
    expect(tests).toBe(4);
    expect(lastCommandIndex(s, 'base64', (c) => c.argv[0] === 'base64')).toBe(4);
  });
  it('maps a word after a continued line to its own file line and column', () => {
    const s = script('dvc pull \\\n  -r origin');
    const cmd = commands(s)[0]!;
    expect(wordSpan(s, cmd, 2)).toEqual({ file: 'f.yml', line: 11, column: 9, endLine: 11, endColumn: 11 });
  });
});

/**
 * Strings a finding keeps after its file is linted. A message built from a piece of
 * the file (a job name, an image, a line of script) is, in V8, a view into the whole
 * file text: keeping the finding would keep every linted file in memory until the
 * report is printed. A copy holds only its own characters.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

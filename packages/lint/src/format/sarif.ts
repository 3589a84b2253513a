/**
 * SARIF 2.1.0 (what GitHub code scanning uploads): one run, the tool's rules
 * with help URIs, one result per finding with a region, artifact locations
 * relative to the working directory (uriBaseId %SRCROOT%).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { FileResult, Severity } from '../model.js';
import { docsUrl } from '../engine/docs.js';
import type { FormatOptions } from './options.js';
import { relativePath } from './paths.js';
import { ruleInfos } from './rule-meta.js';

const LEVEL: Record<Severity, NonNullable<Result['level']>> = { error: 'error', warning: 'warning', info: 'note' };

/** Relative paths against %SRCROOT% (the working directory); files outside it as file:// URLs. */
function locationOf(file: string, cwd: string): ArtifactLocation {
  const shown = relativePath(file, cwd);
  if (path.isAbsolute(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: encodeURI(shown).replace(/#/g, '%23').replace(/\?/g, '%3F'), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(results: readonly FileResult[], options: FormatOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const infos = [...(options.rules ?? ruleInfos())];
  const used = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)));
  for (const id of used) if (!infos.some((i) => i.id === id)) infos.push({ id, description: `Custom rule ${id}.`, defaultSeverity: 'warning', fixable: false });
  const index = new Map(infos.map((r, i) => [r.id, i]));
  const sarifResults: Result[] = results.flatMap((r) =>
    r.diagnostics.map((d): Result => ({
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId) ?? 0,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: locationOf(d.file, cwd),
            region: { startLine: d.line, startColumn: d.column, endLine: Math.max(d.endLine, d.line), endColumn: Math.max(d.endColumn, 1) },
          },
        },
      ],
    })),
  );
  const notifications: Notification[] = results.flatMap((r): Notification[] =>
    r.error ? [{ level: 'error', message: { text: r.error.message }, locations: [{ physicalLocation: { artifactLocation: locationOf(r.file, cwd) } }] }] : [],
  );
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlops-lint',
            informationUri: 'https://github.com/mlops-pipeline/mlops-pipeline/tree/main/packages/lint',
            ...(options.version ? { semanticVersion: options.version, version: options.version } : {}),
            rules: infos.map((r): ReportingDescriptor => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              helpUri: docsUrl(r.id),
              help: { text: `${r.description} See ${docsUrl(r.id)}` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { fixable: r.fixable },
            })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

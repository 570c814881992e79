import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');

/** Each layer, and what its files must not import (package names, or folders of this repository). */
const BOUNDARIES: readonly { folder: string; forbidden: readonly string[] }[] = [
  { folder: 'rules', forbidden: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'yaml', 'fs', 'net', '@aws-sdk', '@smithy', 'server/src/lsp', 'server/src/cli', 'server/src/aws', 'server/src/posture'] },
  { folder: 'server/src/engine', forbidden: ['rules', 'vscode', 'vscode-languageserver', 'vscode-languageclient', 'fs', 'net', 'child_process', '@aws-sdk', 'server/src/lsp', 'server/src/cli'] },
  { folder: 'server/src/lsp', forbidden: ['vscode', 'vscode-languageclient', 'server/src/cli', '@aws-sdk'] },
  // The collectors: the only code that talks to AWS, shared by the language server and the CLI.
  { folder: 'server/src/aws', forbidden: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'server/src/lsp', 'server/src/cli', 'server/src/engine/engine', 'rules/index'] },
  // The report and its formats, shared by the CLI, the server and the VS Code client: no SDK, no editor.
  { folder: 'server/src/posture', forbidden: ['vscode', 'vscode-languageserver', 'vscode-languageclient', '@aws-sdk', 'server/src/lsp', 'server/src/cli', 'server/src/aws', 'server/src/engine/engine', 'rules'] },
  { folder: 'server/src/cli', forbidden: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'server/src/lsp'] },
  // The snippets' source: plain data and the two emitters, so that the snippet files stay data too.
  { folder: 'snippets/src', forbidden: ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'yaml', 'fs', 'rules', 'server', 'client'] },
  { folder: 'client', forbidden: ['yaml', 'vscode-languageserver', 'server/src/engine/engine', 'server/src/lsp', 'server/src/cli', 'server/src/aws', '@aws-sdk', 'rules'] },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
}

/** What a file imports: package names (without `node:`), or repository-relative paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
  return importedFiles.map(({ fileName }) =>
    fileName.startsWith('.') ? relative(ROOT, resolve(dirname(file), fileName)) : fileName.replace(/^node:/, ''),
  );
}

function violates(specifier: string, forbidden: string): boolean {
  return specifier === forbidden || specifier.startsWith(`${forbidden}/`);
}

describe('layer boundaries', () => {
  for (const { folder, forbidden } of BOUNDARIES) {
    it(`${folder} imports nothing it must not`, () => {
      const violations = sourceFiles(folder).flatMap((file) =>
        importsOf(file)
          .filter((specifier) => forbidden.some((f) => violates(specifier, f)))
          .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
      );
      assert.deepEqual(violations, []);
    });
  }
});

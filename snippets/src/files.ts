/** The snippet files VS Code reads (snippets/yaml.json, snippets/json.json), generated from the catalog by `npm run snippets`. */
import { SNIPPETS } from './catalog';
import type { SnippetSource } from './define';
import { toJson, toYaml } from './emit';

export type SnippetFormat = 'yaml' | 'json';
export const SNIPPET_FILES: Readonly<Record<SnippetFormat, string>> = { yaml: 'snippets/yaml.json', json: 'snippets/json.json' };

/** A snippet's body lines in one format. */
export function snippetBody(snippet: SnippetSource, format: SnippetFormat): string[] {
  return format === 'yaml' ? toYaml(snippet.body) : toJson(snippet.body, snippet.context === 'resources');
}

/** The content of each snippet file, by repository-relative path. */
export function snippetFiles(snippets: readonly SnippetSource[] = SNIPPETS): Map<string, string> {
  const files = new Map<string, string>();
  for (const format of ['yaml', 'json'] as const) {
    const entries = Object.fromEntries(
      snippets.map((snippet) => [
        snippet.name,
        {
          prefix: snippet.prefix,
          description: snippet.description,
          body: snippetBody(snippet, format),
          // Whole documents are offered by "Snippets: Fill File with Snippet" in an empty file.
          ...(snippet.context === 'resources' ? {} : { isFileTemplate: true }),
        },
      ]),
    );
    files.set(SNIPPET_FILES[format], `${JSON.stringify(entries, null, 2)}\n`);
  }
  return files;
}

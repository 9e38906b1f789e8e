import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

/*
 * The folder rules of the README's Architecture section, checked on the imports of api/src:
 * no import cycle between folders, and the submission domain under its entry points, which stand
 * side by side without importing each other.
 */

const SRC = resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** A file's folder: the first directory under src, or "(root)" for main.ts, app.module.ts and the like. */
const folderOf = (file: string) => {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : '(root)';
};

/** folder → folder → the files that make the import. */
function folderImports(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    for (const { fileName } of preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), fileName));
      if (to === from) continue;
      const targets = graph.get(from) ?? new Map<string, string[]>();
      targets.set(to, [...(targets.get(to) ?? []), relative(SRC, file)]);
      graph.set(from, targets);
    }
  }
  return graph;
}

/** Every cycle through `start`, as the folder path start → … → start (depth-first, each folder once). */
function cyclesThrough(start: string, graph: Map<string, Map<string, string[]>>): string[][] {
  const found: string[][] = [];
  const walk = (path: string[]) => {
    for (const next of graph.get(path[path.length - 1])?.keys() ?? []) {
      if (next === start) found.push([...path, start]);
      else if (!path.includes(next) && next > start) walk([...path, next]);
    }
  };
  walk([start]);
  return found;
}

describe('architecture: folder imports in api/src', () => {
  const graph = folderImports();
  const imports = (from: string, to: string) => graph.get(from)?.get(to) ?? [];

  it('has no import cycle between folders', () => {
    // Each cycle is reported once, from its alphabetically first folder, with the files behind each step.
    const cycles = [...graph.keys()].flatMap((folder) => cyclesThrough(folder, graph));
    const explained = cycles.map((cycle) =>
      cycle
        .slice(1)
        .map((to, i) => `${cycle[i]} → ${to} (${imports(cycle[i], to).join(', ')})`)
        .join('; '),
    );
    expect(explained).toEqual([]);
  });

  it('keeps the partner and staff entry points apart: neither imports the other, nor the documents route', () => {
    const entryPoints = ['partner-submissions', 'review', 'documents'];
    const crossings = entryPoints.flatMap((from) =>
      entryPoints.filter((to) => to !== from).flatMap((to) => imports(from, to).map((file) => `${file} → ${to}`)),
    );
    expect(crossings).toEqual([]);
  });

  it('builds the entry points on the submission domain, which imports none of them', () => {
    expect(imports('partner-submissions', 'submissions').length).toBeGreaterThan(0);
    expect(imports('review', 'submissions').length).toBeGreaterThan(0);
    const upward = ['partner-submissions', 'review', 'documents', 'metrics', 'preferences'].flatMap((to) =>
      imports('submissions', to).map((file) => `${file} → ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps the calendar free of the submission domain', () => {
    const fromCalendar = [...(graph.get('calendar')?.entries() ?? [])]
      .filter(([to]) => ['submissions', 'partner-submissions', 'review'].includes(to))
      .flatMap(([to, files]) => files.map((file) => `${file} → ${to}`));
    expect(fromCalendar).toEqual([]);
  });
});

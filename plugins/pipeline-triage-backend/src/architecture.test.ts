import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The "never" rules of docs/architecture.md, read from the import graph of src/: every
 * relative import of every module that is not a test (type-only imports count: they couple
 * the folders just the same).
 */

const SRC = __dirname;

const isTestModule = (file: string) =>
  /\.test\.tsx?$|(^|\/)__(testUtils|fixtures|mocks)__\//.test(file);

/** Module path relative to src/, with forward slashes. */
type Module = string;

function modulesUnder(dir: string): Module[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return modulesUnder(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path.relative(SRC, full).split(path.sep).join('/')]
      : [];
  });
}

function resolveImport(from: Module, specifier: string): Module | undefined {
  const base = path.join(SRC, path.dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return path.relative(SRC, candidate).split(path.sep).join('/');
    }
  }
  return undefined;
}

function importGraph(): Map<Module, Module[]> {
  const graph = new Map<Module, Module[]>();
  for (const module of modulesUnder(SRC).filter(m => !isTestModule(m))) {
    const { importedFiles } = ts.preProcessFile(
      fs.readFileSync(path.join(SRC, module), 'utf8'),
      true,
      true,
    );
    graph.set(
      module,
      importedFiles
        .map(i => i.fileName)
        .filter(s => s.startsWith('.'))
        .map(s => resolveImport(module, s))
        // Modules outside src/ (the migrations) are no folder's business here.
        .filter(
          (m): m is Module =>
            m !== undefined && !m.startsWith('..') && !isTestModule(m),
        ),
    );
  }
  return graph;
}

/** A module's folder under src/ (`store`, `ingest`), or for a file at the root its name (`plugin`, `config`). */
const folderOf = (module: Module) =>
  module.includes('/') ? module.split('/')[0] : module.replace(/\.tsx?$/, '');

/** Strongly connected parts of more than one node: each is an import cycle. */
function cycles(graph: Map<string, Iterable<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/ (docs/architecture.md)', () => {
  const graph = importGraph();
  const edges = [...graph].flatMap(([from, tos]) =>
    tos.map(to => [from, to] as [Module, Module]),
  );
  const breaking = (rule: (from: Module, to: Module) => boolean) =>
    edges
      .filter(([from, to]) => rule(from, to))
      .map(([from, to]) => `${from} -> ${to}`);
  const outside = (folder: string) => (from: Module, to: Module) =>
    folderOf(from) === folder && folderOf(to) !== folder;

  it('is read from the real sources', () => {
    // Guards the rules below against passing over an empty or misread graph.
    expect(graph.get('plugin.ts')).toEqual(
      expect.arrayContaining(['store/index.ts', 'ingest/accept/index.ts']),
    );
    expect(graph.get('findings/recordFindings.ts')).toEqual(
      expect.arrayContaining(['store/index.ts', 'contracts/index.ts']),
    );
  });

  it('has no import cycle between modules', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const [from, to] of edges) {
      if (folderOf(from) === folderOf(to)) continue;
      if (!folders.has(folderOf(from))) folders.set(folderOf(from), new Set());
      folders.get(folderOf(from))!.add(folderOf(to));
    }
    expect(cycles(folders)).toEqual([]);
  });

  it('keeps contracts/ a pure library: it imports only itself', () => {
    expect(breaking(outside('contracts'))).toEqual([]);
  });

  it('keeps store/ at the bottom: it imports nothing of the plugin above it', () => {
    expect(breaking(outside('store'))).toEqual([]);
  });

  it('never lets processing/ import service/', () => {
    expect(
      breaking(
        (from, to) =>
          folderOf(from) === 'processing' && folderOf(to) === 'service',
      ),
    ).toEqual([]);
  });

  it('never lets investigate/ import routing/, linking/ or policy/', () => {
    expect(
      breaking(
        (from, to) =>
          folderOf(from) === 'investigate' &&
          ['routing', 'linking', 'policy'].includes(folderOf(to)),
      ),
    ).toEqual([]);
  });

  it('lets nothing but the package entry import plugin.ts', () => {
    expect(
      breaking((from, to) => to === 'plugin.ts' && from !== 'index.ts'),
    ).toEqual([]);
  });

  it('enters a folder from outside only through an index.ts', () => {
    expect(
      breaking(
        (from, to) =>
          folderOf(from) !== folderOf(to) &&
          to.includes('/') &&
          !to.endsWith('/index.ts'),
      ),
    ).toEqual([]);
  });
});

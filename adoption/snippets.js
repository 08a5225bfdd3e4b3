/*
 * The README's install section is the adoption test's source: every code block marked
 * `<!-- adoption-snippet: NAME -->` is read here and pasted into the fresh app's files where the
 * template says `adoption-snippet: NAME`, so the README and the tested wiring cannot drift.
 */
const fs = require('node:fs');
const path = require('node:path');

const README = path.resolve(__dirname, '../README.md');

/** name -> code of each marked block. */
function readSnippets(readme = fs.readFileSync(README, 'utf8')) {
  const snippets = {};
  // Blank lines may sit between the marker and its block (Markdown formatters add one).
  const re =
    /<!-- adoption-snippet: ([\w-]+) -->\n(?:[ \t]*\n)*```\w*\n([\s\S]*?)\n```/g;
  for (const [, name, code] of readme.matchAll(re)) {
    if (snippets[name])
      throw new Error(`README: snippet ${name} is marked twice`);
    snippets[name] = code;
  }
  return snippets;
}

/** Replaces each line naming a snippet with the snippet, indented like that line. */
function applySnippets(text, snippets, file) {
  return text.replace(
    /^([ \t]*).*adoption-snippet: ([\w-]+).*$/gm,
    (_, indent, name) => {
      if (!(name in snippets))
        throw new Error(
          `${file} wants README snippet ${name}, which is not marked`,
        );
      return snippets[name]
        .split('\n')
        .map(line => (line ? indent + line : line))
        .join('\n');
    },
  );
}

/** The packages each `npm install --workspace X a b` line of a snippet adds to workspace X. */
function installs(code) {
  const byWorkspace = {};
  for (const line of code.split('\n')) {
    const m = line.match(/^npm install --workspace (\S+) (.+)$/);
    if (!m) continue;
    byWorkspace[m[1]] = [...(byWorkspace[m[1]] ?? []), ...m[2].split(/\s+/)];
  }
  return byWorkspace;
}

module.exports = { readSnippets, applySnippets, installs };

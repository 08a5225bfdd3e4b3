/* The workspace packages that are published: every workspace package not marked `private`. */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

function publishablePackages(root = ROOT) {
  const { workspaces } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const dirs = workspaces.flatMap(glob => {
    const parent = path.join(root, glob.replace(/\/\*$/, ''));
    return fs
      .readdirSync(parent, { withFileTypes: true })
      .filter(d => d.isDirectory())
      .map(d => path.join(parent, d.name));
  });
  return dirs
    .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
    .map(dir => ({
      dir,
      manifest: JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      ),
    }))
    .filter(p => !p.manifest.private)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

module.exports = { publishablePackages, ROOT };

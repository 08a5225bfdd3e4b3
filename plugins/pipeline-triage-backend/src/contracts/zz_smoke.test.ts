import fs from 'fs';
import path from 'path';
import { parseContract } from './parseContract';
it('smoke', () => {
  const dir = path.resolve(__dirname, '../../../../examples/contracts');
  for (const f of fs.readdirSync(dir)) {
    const r = parseContract(fs.readFileSync(path.join(dir, f), 'utf8'), { file: f });
    fs.writeFileSync(`/tmp/ct/${f}.json`, JSON.stringify(r, null, 1));
  }
  const sdir = path.resolve(__dirname, '../../../../../shared/specs/odcs-examples');
  const out: string[] = [];
  for (const f of fs.readdirSync(sdir)) {
    const r: any = parseContract(fs.readFileSync(path.join(sdir, f), 'utf8'), { file: f });
    out.push(`${f}: ${r.format ?? 'ERROR'} ${JSON.stringify(r.problems ?? r.warnings)}`);
  }
  fs.writeFileSync('/tmp/ct/std.txt', out.join('\n'));
});

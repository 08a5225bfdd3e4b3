import type { PathSegment } from './documentPath';
import type { OdcsDocument, OdcsProperty, OdcsQuality } from './odcsSchema';
import type { ContractProblem } from './types';
import type { YamlSource } from './yamlSource';
import { QUALITY_OPERATORS } from './types';

/**
 * What a document uses from the other ODCS version than the one it declares. The runtime
 * validator accepts both versions, so these do not stop the contract from being used; they tell
 * its owner what the standard's own schema for the declared version would reject.
 */
export function odcsVersionWarnings(
  doc: OdcsDocument,
  source: YamlSource,
): ContractProblem[] {
  const is30 = doc.apiVersion.startsWith('v3.0');
  const out: ContractProblem[] = [];
  const warn = (at: PathSegment[], message: string) =>
    out.push({ ...source.locate(at), message });

  if (typeof doc.version === 'number') {
    warn(['version'], `expected a string; read as '${doc.version}' (quote it)`);
  }
  if (is30 && doc.team && !Array.isArray(doc.team)) {
    warn(
      ['team'],
      'a team object with members is ODCS v3.1; v3.0.x expects a list of members',
    );
  }
  if (!is30 && Array.isArray(doc.team)) {
    warn(
      ['team'],
      'a list of members is deprecated in ODCS v3.1; use team.members',
    );
  }
  const members = Array.isArray(doc.team) ? doc.team : doc.team?.members ?? [];
  const membersAt: PathSegment[] = Array.isArray(doc.team)
    ? ['team']
    : ['team', 'members'];
  members.forEach((m, i) => {
    if (!m.username)
      warn(
        [...membersAt, i, 'username'],
        'required; member ignored unless it has a name',
      );
  });
  if (is30) {
    (doc.support ?? []).forEach((s, i) => {
      if (s.url === undefined)
        warn(['support', i, 'url'], 'required by ODCS v3.0.x');
    });
  }

  const checkQuality = (q: OdcsQuality, at: PathSegment[]) => {
    if (is30 && q.metric !== undefined) {
      warn(
        [...at, 'metric'],
        '`metric` is ODCS v3.1; v3.0.x names library checks with `rule`',
      );
    }
    if (!is30 && q.rule !== undefined && q.metric === undefined) {
      warn([...at, 'rule'], '`rule` is deprecated in ODCS v3.1; use `metric`');
    }
    const isLibrary =
      q.type === 'library' || (q.type === undefined && q.metric !== undefined);
    if (!is30 && (isLibrary || q.type === 'sql')) {
      const count = QUALITY_OPERATORS.filter(op => q[op] !== undefined).length;
      if (count !== 1) {
        warn(
          at,
          `ODCS v3.1 expects exactly one of ${QUALITY_OPERATORS.join(
            ', ',
          )} (found ${count})`,
        );
      }
    }
  };
  const checkProperty = (p: OdcsProperty, at: PathSegment[]) => {
    if (is30 && (p.logicalType === 'timestamp' || p.logicalType === 'time')) {
      warn(
        [...at, 'logicalType'],
        `'${p.logicalType}' is ODCS v3.1; v3.0.x uses date`,
      );
    }
    (p.quality ?? []).forEach((q, i) => checkQuality(q, [...at, 'quality', i]));
    (p.properties ?? []).forEach((c, i) =>
      checkProperty(c, [...at, 'properties', i]),
    );
    if (p.items) checkProperty(p.items, [...at, 'items']);
  };
  (doc.schema ?? []).forEach((s, i) => {
    (s.quality ?? []).forEach((q, j) =>
      checkQuality(q, ['schema', i, 'quality', j]),
    );
    (s.properties ?? []).forEach((p, j) =>
      checkProperty(p, ['schema', i, 'properties', j]),
    );
  });
  return out;
}

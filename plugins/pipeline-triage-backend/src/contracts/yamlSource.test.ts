import { formatPath } from './documentPath';
import { readYamlSource } from './yamlSource';

describe('formatPath', () => {
  it('writes paths as people read them', () => {
    expect(formatPath(['schema', 0, 'properties', 3, 'logicalType'])).toBe(
      'schema[0].properties[3].logicalType',
    );
    expect(formatPath(['quality', 'specification', 'checks for x', 1])).toBe(
      'quality.specification["checks for x"][1]',
    );
    expect(formatPath(['models', 'orders.v2', 'fields'])).toBe(
      'models["orders.v2"].fields',
    );
    expect(formatPath([])).toBe('');
  });
});

describe('readYamlSource', () => {
  const text = `# comment
a: 1
list:
  - name: x
    value: 2

  - name: y
nested:
  deep:
    key: v
`;
  const source = readYamlSource(text);

  it('maps paths to 1-based lines', () => {
    expect(source.errors).toEqual([]);
    expect(source.lineOf(['a'])).toBe(2);
    expect(source.lineOf(['list', 0])).toBe(4);
    expect(source.lineOf(['list', 0, 'value'])).toBe(5);
    expect(source.lineOf(['list', 1])).toBe(7);
    expect(source.lineOf(['nested', 'deep', 'key'])).toBe(10);
    expect(source.locate(['list', 1, 'name'])).toEqual({
      path: 'list[1].name',
      line: 7,
    });
  });

  it('falls back to the nearest ancestor for what is not there', () => {
    expect(source.lineOf(['nested', 'deep', 'missing'])).toBe(9);
    expect(source.lineOf(['list', 5])).toBe(3);
    expect(source.lineOf(['a', 'b'])).toBe(2);
  });

  it('reports syntax errors with their line', () => {
    const bad = readYamlSource('a: 1\nb: [1, 2\nc: 3\n');
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(bad.errors[0].line).toBeGreaterThanOrEqual(2);
    expect(bad.data).toBeUndefined();
  });
});

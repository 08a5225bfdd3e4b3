import { absoluteLink } from './absoluteLink';

describe('absoluteLink', () => {
  it('keeps absolute links and joins relative ones onto the base, path prefix included', () => {
    expect(absoluteLink('https://a.example.com/x')).toBe(
      'https://a.example.com/x',
    );
    expect(absoluteLink('/catalog/x', 'https://bs.example.com/')).toBe(
      'https://bs.example.com/catalog/x',
    );
    expect(absoluteLink('/catalog/x', 'https://example.com/backstage')).toBe(
      'https://example.com/backstage/catalog/x',
    );
    expect(absoluteLink('/catalog/x')).toBeUndefined();
    expect(absoluteLink('/catalog/x', 'not a url')).toBeUndefined();
  });
});

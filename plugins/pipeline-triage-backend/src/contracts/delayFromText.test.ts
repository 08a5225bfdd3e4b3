import { delayFromText } from './delayFromText';

describe('delayFromText', () => {
  it.each([
    [
      'Sensor has timed out; run duration of 21600.5 seconds exceeded the specified timeout of 21600.0.',
      21600.5,
    ],
    [
      'Waiting for s3://bucket/dt=2025-06-01/_SUCCESS timed out after 6 hours',
      6 * 3600,
    ],
    ['waited for 90 minutes for upstream partition', 90 * 60],
    ['partition dt=2025-06-01 is late by 5 h', 5 * 3600],
    ['upstream export 3 hours late', 3 * 3600],
  ])('%s', (text, seconds) => {
    expect(delayFromText(text)).toBe(seconds);
  });

  it('is undefined when nothing says how long', () => {
    expect(
      delayFromText('FileNotFoundException: s3://bucket/dt=2025-06-01'),
    ).toBeUndefined();
    expect(delayFromText('timed out after 3 attempts')).toBeUndefined();
    expect(delayFromText(undefined)).toBeUndefined();
  });
});

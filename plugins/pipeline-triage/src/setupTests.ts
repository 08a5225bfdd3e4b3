import '@testing-library/jest-dom';

// jsdom has no layout and no ResizeObserver; recharts' ResponsiveContainer needs the latter to
// mount. Charts under test get fixed sizes, so a do-nothing observer is enough.
if (!('ResizeObserver' in globalThis)) {
  (globalThis as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

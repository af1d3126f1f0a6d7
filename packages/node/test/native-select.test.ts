import { afterEach, expect, it } from 'vitest';
import { nativeBinding, shepherdPath } from '../src/native-binding.js';

const saved = process.env.LIBC;
afterEach(() => {
  if (saved === undefined) delete process.env.LIBC;
  else process.env.LIBC = saved;
});

// Runs before anything else in this file loads the addon (loading is once per process).
it('names the platform, the path tried and the platforms shipped when no prebuild matches the libc', () => {
  process.env.LIBC = 'uclibc';
  expect(() => nativeBinding()).toThrow(/prebuilds\/linux-x64\/@netrunner\+node\.uclibc\.node\n/);
  expect(() => nativeBinding()).toThrow(
    /no prebuilt addon for linux-x64-uclibc; this package ships prebuilds for (linux-\w+-\w+, )*linux-x64-glibc/,
  );
});

it('loads the prebuild for this CPU and libc, with the static shepherd next to it', () => {
  delete process.env.LIBC;
  const { file } = nativeBinding();
  expect(file).toMatch(/\/prebuilds\/linux-x64\/@netrunner\+node\.glibc\.node$/);
  delete process.env.NETRUNNER_SHEPHERD_PATH;
  expect(shepherdPath(file)).toMatch(/\/prebuilds\/linux-x64\/netrunner-shepherd$/);
});

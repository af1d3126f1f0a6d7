// This machine's libnetrunner.<libc>.so and the static shepherd into
// native/<platform>-<arch>/ (where src/native-path.ts looks), built as
// scripts/prebuild.mjs builds every target. core-c builds first (turbo).
import { buildHost } from '../../../scripts/prebuild/build-target.mjs';

buildHost('bun');

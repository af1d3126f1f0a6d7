// This machine's addon into prebuilds/<platform>-<arch>/ (tagged with the
// libc) and the static shepherd next to it, built as scripts/prebuild.mjs
// builds every target. core-c builds first (turbo: devDependency).
import { buildHost } from '../../../scripts/prebuild/build-target.mjs';

buildHost('node');

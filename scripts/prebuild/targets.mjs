// The four Linux targets the packages ship, and the compilers that build
// each: Debian's gcc (native, and aarch64-linux-gnu for arm64) for glibc,
// zig for musl (Debian has no C++ toolchain for musl and no arm64 musl at
// all). The shepherd is linked statically with the glibc compiler, so one
// executable per architecture serves the glibc and the musl builds.

/** { name, arch, libc } for linux-<arch>-<libc>. */
export const TARGETS = [
  { name: 'linux-x64-glibc', arch: 'x64', libc: 'glibc' },
  { name: 'linux-arm64-glibc', arch: 'arm64', libc: 'glibc' },
  { name: 'linux-x64-musl', arch: 'x64', libc: 'musl' },
  { name: 'linux-arm64-musl', arch: 'arm64', libc: 'musl' },
];

const GNU_PREFIX = { x64: process.arch === 'x64' ? '' : 'x86_64-linux-gnu-', arm64: process.arch === 'arm64' ? '' : 'aarch64-linux-gnu-' };
const ZIG_TARGET = { x64: 'x86_64-linux-musl', arm64: 'aarch64-linux-musl' };

/** The Debian packages that hold the gcc toolchain for arch (none when it is the host's). */
export function gnuPackages(arch) {
  const prefix = GNU_PREFIX[arch];
  return prefix ? [`gcc-${prefix.slice(0, -1)}`, `g++-${prefix.slice(0, -1)}`] : [];
}

/** gcc, g++ and ar for arch. */
export function gnuToolchain(arch) {
  const p = GNU_PREFIX[arch];
  return { cc: `${p}gcc`, cxx: `${p}g++`, ar: `${p}ar`, cflags: '' };
}

/** zig cc, zig c++ and zig ar for the musl build of arch. clang warns inside musl's CMSG_NXTHDR macro. */
export function zigToolchain(zig, arch) {
  const target = `-target ${ZIG_TARGET[arch]}`;
  return { cc: `${zig} cc ${target}`, cxx: `${zig} c++ ${target}`, ar: `${zig} ar`, cflags: '-Wno-sign-compare' };
}

/** The host's own target (its libc as Node reports it), or undefined off Linux x64/arm64. */
export function hostTarget() {
  const report = process.report?.getReport();
  const libc = report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
  return TARGETS.find((t) => process.platform === 'linux' && t.arch === process.arch && t.libc === libc);
}

/** strip for arch's ELF files (binutils reads musl and glibc builds alike). */
export function stripFor(arch) {
  return `${GNU_PREFIX[arch]}strip`;
}

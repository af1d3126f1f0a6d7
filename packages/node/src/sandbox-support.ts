import type { SandboxSupport } from '@netrunner/types';
import { nativeBinding } from './native-binding.js';

/** What this kernel can enforce for the `sandbox` option (nr_sandbox_support). */
export function sandboxSupport(): SandboxSupport {
  return nativeBinding().binding.sandboxSupport();
}

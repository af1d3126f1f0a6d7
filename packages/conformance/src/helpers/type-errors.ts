import ts from 'typescript';

/**
 * Compile `file` strictly as a NodeNext project (no emit) and return its
 * diagnostics as `line N: message`; an unused `@ts-expect-error` is one too.
 */
export function typeErrors(file: string, options: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts'],
    skipLibCheck: true,
    ...options,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

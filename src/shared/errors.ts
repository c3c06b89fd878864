/** A problem in something the user wrote or gave us: reported as `file:line:column: message`, exit 2, no stack. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** A warning that can change the verdict (something was not looked at); `--quiet` still shows it. */
  verdict?: boolean;
  file?: string;
  line?: number;
  column?: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':') : '';
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return where ? `${where}: ${prefix}${d.message}` : `${prefix}${d.message}`;
}

/** Thrown for bad input the user can fix; carries every diagnostic collected so far. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | string) {
    const list: Diagnostic[] = typeof diagnostics === 'string' ? [{ severity: 'error', message: diagnostics }] : diagnostics;
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

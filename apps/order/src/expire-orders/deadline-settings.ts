/** The deadline settings, injectable (the module provides them from the validated environment). */
export class DeadlineSettings {
  constructor(
    readonly timeoutMs: number,
    readonly sweepIntervalMs: number,
  ) {}
}

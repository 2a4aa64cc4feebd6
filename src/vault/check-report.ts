// A vault check report that stays readable and bounded however many findings there are (issue
// #22, perf22). Whoever can write the vault file can plant 200,000 junk rows, each a finding of
// the same kind (KEY_VERSION_UNCERTIFIED, RECORD_NOT_AUDITED, ...): kept one by one, the report
// held every finding's wording in memory, the CLI printed 200,000 lines and the Settings screen
// rendered 200,000 list items. Findings are grouped by their stable code (uncoded ones by their
// kind): each group keeps an exact count and its first EXAMPLES_PER_GROUP findings, in the order
// they were found, so memory holds at most that many per code whatever the vault holds. The
// examples are the report's `problems`, so a caller that reads `problems` still sees every kind
// of finding (and all of them when no code has more than EXAMPLES_PER_GROUP).

/** How many findings of one code the report keeps and shows (the rest are counted). */
export const EXAMPLES_PER_GROUP = 20;

/** What the collector needs of a finding (VaultProblem, the API's check finding). */
export interface GroupableFinding {
  kind: string;
  code?: string;
}

/**
 * One group of a check report: every finding with this `code` (or, for findings without a code,
 * this `kind`), `count` of them in all (exact), of which the first `listed` are in `problems`.
 */
export interface FindingGroup {
  code?: string;
  kind: string;
  count: number;
  listed: number;
}

/** The group a finding belongs to: its code, or its kind when it has none. */
export function groupKeyOf(finding: GroupableFinding): string {
  return finding.code !== undefined ? finding.code : `kind:${finding.kind}`;
}

/**
 * Collects findings grouped by code with an exact count per group and at most `perGroup`
 * examples each (memory: perGroup findings per distinct code, not per finding). `push` has
 * Array's shape, so a check written against an array can be handed a collector instead.
 */
export class FindingGroups<T extends GroupableFinding> {
  private readonly groups = new Map<string, FindingGroup>();
  /** The kept examples of every group, in the order they were found. */
  private readonly kept: T[] = [];
  private count = 0;
  private readonly observers: Array<(item: T) => void> = [];
  private diverter: ((item: T) => boolean) | undefined;

  /** `normalize`: applied to each finding as it is added (e.g. to fill in its code). */
  constructor(
    private readonly perGroup = EXAMPLES_PER_GROUP,
    private readonly normalize: (item: T) => T = (item) => item,
  ) {}

  /** Adds findings one at a time; returns how many findings were added in all (as Array.push). */
  push(...items: T[]): number {
    for (const item of items) this.add(item);
    return this.count;
  }

  /** Calls `observer` with every finding added (kept or only counted), e.g. to note its id. */
  observe(observer: (item: T) => void): void {
    this.observers.push(observer);
  }

  /**
   * Findings for which `divert` returns true are seen by the observers but not added (counted
   * under their cause by the diverter instead: a deleted certificate row, check-cert-cause.ts).
   */
  divertWith(divert: (item: T) => boolean): void {
    this.diverter = divert;
  }

  add(added: T): void {
    const item = this.normalize(added);
    for (const observer of this.observers) observer(item);
    if (this.diverter?.(item)) return;
    this.count++;
    const key = groupKeyOf(item);
    let group = this.groups.get(key);
    if (!group) {
      group = {
        ...(item.code !== undefined ? { code: item.code } : {}),
        kind: item.kind,
        count: 0,
        listed: 0,
      };
      this.groups.set(key, group);
    }
    group.count++;
    if (group.listed < this.perGroup) {
      group.listed++;
      this.kept.push(item);
    }
  }

  /** Adds every finding of an iterable (an array or a generator), one at a time. */
  addAll(items: Iterable<T>): void {
    for (const item of items) this.add(item);
  }

  /**
   * Adds an earlier report (its examples and its groups' counts), e.g. the vault layer's report
   * into the API's, which adds the seal findings: counts stay exact, examples stay bounded.
   */
  absorb(report: { problems: readonly T[]; groups?: readonly FindingGroup[] }): void {
    if (!report.groups) {
      this.addAll(report.problems);
      return;
    }
    // The examples first (they count once each), then what each group counted beyond them.
    const listedNow = new Map<string, number>();
    for (const item of report.problems) {
      this.add(item);
      const key = groupKeyOf(item);
      listedNow.set(key, (listedNow.get(key) ?? 0) + 1);
    }
    for (const g of report.groups) {
      const key = groupKeyOf(g);
      const beyond = g.count - (listedNow.get(key) ?? 0);
      if (beyond <= 0) continue;
      const group = this.groups.get(key) ?? { ...g, count: 0, listed: 0 };
      this.groups.set(key, group);
      group.count += beyond;
      this.count += beyond;
    }
  }

  /** How many findings were added in all (exact, not only the kept ones). */
  get total(): number {
    return this.count;
  }

  /** The kept examples, in the order they were found (at most perGroup per group). */
  examples(): T[] {
    return [...this.kept];
  }

  /** Adds `items` and returns the groups (for a caller holding findings without groups). */
  absorbed(items: Iterable<T>): FindingGroup[] {
    this.addAll(items);
    return this.summary();
  }

  /** The groups, largest first (ties: the order they were first found). */
  summary(): FindingGroup[] {
    return [...this.groups.values()].map((g) => ({ ...g })).sort((a, b) => b.count - a.count);
  }
}

/** Where a check puts its findings: an array, or a FindingGroups collector (bounded). */
export interface FindingSink<T> {
  push(item: T): unknown;
}

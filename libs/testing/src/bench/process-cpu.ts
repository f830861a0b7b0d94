import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times; 100 on every Linux this runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

/**
 * The process listening on a local TCP port, found through /proc (the socket's inode in
 * /proc/net/tcp{,6}, then the process holding that inode). Finds the app, broker, registry or
 * database server however it was started; undefined when nothing listens there or it belongs to
 * another user.
 */
export function pidListeningOn(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; field 9 is the inode.
      if (fields.length > 9 && fields[3] === '0A' && parseInt(fields[1]!.split(':')[1]!, 16) === port) {
        inodes.add(fields[9]!);
      }
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (match && inodes.has(match[1]!)) return Number(entry);
      } catch {
        // the fd closed while we looked
      }
    }
  }
  return undefined;
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = statTicks(pid);
  return stat ? stat.self / TICKS_PER_SECOND : 0;
}

/** A process and its children's CPU at one moment, for cpuSecondsBetween. */
export interface ProcessTreeCpu {
  self: number;
  /** What finished children used (the kernel adds it to the parent when it reaps them). */
  reaped: number;
  children: Map<number, number>;
}

/**
 * For a server that works in child processes (PostgreSQL: a backend per connection), the CPU of
 * the parent and all its children at this moment. Compare two with cpuSecondsBetween.
 */
export function processTreeCpu(pid: number): ProcessTreeCpu {
  const own = statTicks(pid);
  const children = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statTicks(Number(entry));
    if (stat?.parent === pid) children.set(Number(entry), stat.self);
  }
  return { self: own?.self ?? 0, reaped: own?.reapedChildren ?? 0, children };
}

/**
 * CPU seconds a process tree used between two snapshots. A child that ended in between hands its
 * whole lifetime's CPU to the parent's reaped total, so what it had used before the first snapshot
 * is taken off again; otherwise a connection closed during a run would add hours of CPU to it.
 */
export function cpuSecondsBetween(before: ProcessTreeCpu, after: ProcessTreeCpu): number {
  let ticks = after.self - before.self + (after.reaped - before.reaped);
  for (const [pid, used] of after.children) ticks += used - (before.children.get(pid) ?? 0);
  for (const [pid, used] of before.children) if (!after.children.has(pid)) ticks -= used;
  return ticks / TICKS_PER_SECOND;
}

function statTicks(pid: number): { parent: number; self: number; reapedChildren: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may contain spaces; every field after its closing parenthesis is numeric.
  const fields = text
    .slice(text.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
  return { parent: fields[1]!, self: fields[11]! + fields[12]!, reapedChildren: fields[13]! + fields[14]! };
}

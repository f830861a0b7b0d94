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

/**
 * CPU seconds (user + system) a process has used so far. With `children`, also what its children
 * used: the finished ones (which the kernel adds to the parent once it reaps them) and the live
 * ones; for PostgreSQL, whose work happens in one backend process per connection.
 */
export function cpuSecondsOf(pid: number, { children = false } = {}): number {
  const own = statTicks(pid);
  if (!own) return 0;
  let ticks = own.self + (children ? own.reapedChildren : 0);
  if (children) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = statTicks(Number(entry));
      if (stat?.parent === pid) ticks += stat.self;
    }
  }
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

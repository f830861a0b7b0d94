import { Client } from 'pg';
import { readFileSync } from 'node:fs';
const ticks = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .slice(readFileSync(`/proc/${pid}/stat`, 'utf8').lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return f[11]! + f[12]!;
};
async function run(label: string, config: object) {
  const c = new Client(config);
  await c.connect();
  const { rows } = await c.query('SELECT pg_backend_pid() AS pid');
  const pid = rows[0].pid;
  for (let i = 0; i < 300; i++) await c.query({ name: 'q', text: 'SELECT $1::int', values: [i] });
  const u0 = process.cpuUsage();
  const b0 = ticks(pid);
  const t0 = performance.now();
  const n = 10000;
  for (let i = 0; i < n; i++) await c.query({ name: 'q', text: 'SELECT $1::int', values: [i] });
  const u = process.cpuUsage(u0);
  const dt = performance.now() - t0;
  const b = ticks(pid) - b0;
  console.log(
    label,
    'wall',
    ((dt / n) * 1000).toFixed(0),
    'us; node user+sys',
    ((u.user + u.system) / n).toFixed(0),
    'us; backend',
    ((b * 10000) / n).toFixed(0),
    'us',
  );
  await c.end();
}
async function main() {
  for (let k = 0; k < 2; k++) {
    await run('tcp ', { host: '127.0.0.1', user: 'postgres', database: 'order' });
    await run('unix', { host: '/var/run/postgresql', user: 'postgres', database: 'order' });
  }
}
main();

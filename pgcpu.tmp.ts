import { processTreeCpu, cpuSecondsBetween, pidListeningOn } from '@platform/testing';
import { execFileSync } from 'node:child_process';
const pg = pidListeningOn(5432)!;
const a = processTreeCpu(pg); const t0 = Date.now();
execFileSync('npm', ['run', 'bench:messaging', '--', '--events', '20000', '--skip-baselines'], { stdio: 'inherit' });
const b = processTreeCpu(pg);
console.log('postgres cpu s', cpuSecondsBetween(a, b).toFixed(2), 'wall s', ((Date.now() - t0) / 1000).toFixed(1));

import { execFileSync } from 'node:child_process';

/**
 * Simulated hosts for the across-hosts suite: each host is a network namespace with one veth
 * ("eth0") plugged into a bridge that lives in a namespace of its own (the "switch"), so nothing
 * is added to the machine's own namespace and no packet can leave the test subnet: the hosts have
 * no default route, only 10.77.0.0/24 and their loopback.
 */
export const HOSTS = { db: 1, w1: 2, w2: 3, srv: 4 } as const;
export type HostName = keyof typeof HOSTS;

/** Every namespace of the suite is named `jdh<pid>-<host>`: the pid tells whether its run is alive. */
const PREFIX = 'jdh';
const SUBNET = '10.77.0';

function ip(...args: string[]): string {
  return execFileSync('ip', args, { stdio: 'pipe', timeout: 15_000 }).toString();
}

function namespaces(): string[] {
  return ip('netns', 'list')
    .split('\n')
    .map((line) => line.split(' ')[0]!)
    .filter(Boolean);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills every process still inside a namespace, then deletes it (its veths go with it). */
function removeNamespace(name: string): void {
  const pids = ip('netns', 'pids', name).split('\n').filter(Boolean).map(Number);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  ip('netns', 'delete', name);
}

/** Removes what earlier runs of the suite left behind when they were killed before cleaning up. */
export function removeLeftovers(): string[] {
  const stale = namespaces().filter((name) => {
    const match = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    return match !== null && (Number(match[1]) === process.pid || !alive(Number(match[1])));
  });
  for (const name of stale) removeNamespace(name);
  return stale;
}

export interface TestNetwork {
  /** The namespace of a host, for `ip netns exec`. */
  netns(host: HostName): string;
  address(host: HostName): string;
  /** Unplugs the host's cable at the switch: its packets are dropped both ways. */
  cut(host: HostName): void;
  heal(host: HostName): void;
  /** Runs a command on a host and returns its standard output. */
  exec(host: HostName, command: string, args: string[]): string;
  destroy(): void;
}

/**
 * Builds the hosts and the switch. Throws (never skips) where namespaces cannot be made: the
 * suite needs root and iproute2.
 */
export function createNetwork(): TestNetwork {
  const netns = (host: HostName | 'switch') => `${PREFIX}${process.pid}-${host}`;
  const sw = netns('switch');
  const made: string[] = [];
  const destroy = () => {
    for (const name of made.splice(0).reverse()) removeNamespace(name);
  };
  try {
    ip('netns', 'add', sw);
    made.push(sw);
    ip('-n', sw, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', sw, 'link', 'set', 'br0', 'up');
    for (const [host, n] of Object.entries(HOSTS) as [HostName, number][]) {
      const name = netns(host);
      ip('netns', 'add', name);
      made.push(name);
      // Both ends are created inside their namespaces: the machine's own namespace never sees them.
      ip('link', 'add', 'eth0', 'netns', name, 'type', 'veth', 'peer', 'name', host, 'netns', sw);
      ip('-n', sw, 'link', 'set', host, 'master', 'br0', 'up');
      ip('-n', name, 'addr', 'add', `${SUBNET}.${n}/24`, 'dev', 'eth0');
      ip('-n', name, 'link', 'set', 'eth0', 'up');
      ip('-n', name, 'link', 'set', 'lo', 'up');
    }
  } catch (error) {
    destroy();
    throw new Error(`cannot build the test hosts (network namespaces need root and iproute2): ${String(error)}`, {
      cause: error,
    });
  }
  return {
    netns,
    address: (host) => `${SUBNET}.${HOSTS[host]}`,
    cut: (host) => void ip('-n', sw, 'link', 'set', host, 'down'),
    heal: (host) => void ip('-n', sw, 'link', 'set', host, 'up'),
    exec: (host, command, args) =>
      execFileSync('ip', ['netns', 'exec', netns(host), command, ...args], {
        stdio: 'pipe',
        timeout: 30_000,
      }).toString(),
    destroy,
  };
}

/** One function to time, by name. */
export type Candidate = { name: string; run: () => void };

/** Calls per CPU second of each candidate, over every round together. */
export type Throughput = { name: string; perSecond: number; calls: number };

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Times the candidates in short alternating rounds (the order rotates each round), so that a
 * machine busy with other work slows them all alike and their ratio stays meaningful, which
 * timing one after the other for a second each does not give on a shared 2-core machine. Each
 * round runs for `roundMilliseconds` of wall time, but is counted in the CPU time this process
 * spent (`process.cpuUsage`, garbage collection included), so that the figures are calls per
 * CPU second and other processes taking turns on the cores do not count against a candidate.
 */
export function measureInterleaved(
  candidates: readonly Candidate[],
  options: { rounds: number; roundMilliseconds: number },
): Throughput[] {
  const calls = candidates.map(() => 0);
  const elapsed = candidates.map(() => 0);
  for (const candidate of candidates) for (let warmUp = 0; warmUp < 20; warmUp++) candidate.run();
  for (let round = 0; round < options.rounds; round++) {
    for (let turn = 0; turn < candidates.length; turn++) {
      const index = (round + turn) % candidates.length;
      const candidate = candidates[index] as Candidate;
      gc?.();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      let count = 0;
      while (performance.now() - start < options.roundMilliseconds) {
        candidate.run();
        count++;
      }
      const cpu = process.cpuUsage(cpuStart);
      calls[index] = (calls[index] as number) + count;
      elapsed[index] = (elapsed[index] as number) + (cpu.user + cpu.system) / 1_000;
    }
  }
  return candidates.map((candidate, index) => ({
    name: candidate.name,
    calls: calls[index] as number,
    perSecond: ((calls[index] as number) * 1_000) / (elapsed[index] as number),
  }));
}

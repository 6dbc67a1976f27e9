/** One function to time, by name. */
export type Candidate = { name: string; run: () => void };

/** Calls per second of each candidate, over every round together. */
export type Throughput = { name: string; perSecond: number; calls: number };

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Times the candidates in short alternating rounds (the order rotates each round), so that a
 * machine busy with other work slows them all alike and their ratio stays meaningful, which
 * timing one after the other for a second each does not give on a shared 2-core machine.
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
      const start = performance.now();
      let now = start;
      let count = 0;
      while (now - start < options.roundMilliseconds) {
        candidate.run();
        count++;
        now = performance.now();
      }
      calls[index] = (calls[index] as number) + count;
      elapsed[index] = (elapsed[index] as number) + (now - start);
    }
  }
  return candidates.map((candidate, index) => ({
    name: candidate.name,
    calls: calls[index] as number,
    perSecond: ((calls[index] as number) * 1_000) / (elapsed[index] as number),
  }));
}

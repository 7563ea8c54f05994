// Times a step of the pipeline.

/**
 * @template T
 * @param {string} step @param {() => Promise<T>} work @param {(step: string, ms: number) => void} timed told the time, success or not
 * @returns {Promise<T>}
 */
export async function time(step, work, timed) {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timed(step, performance.now() - start);
  }
}

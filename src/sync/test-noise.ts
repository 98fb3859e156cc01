/** Test support: pseudo-random letters, text that deflate cannot shrink much, to fill the sync area quickly. */
export function noise(length: number, seed: number): string {
  let state = seed;
  return Array.from({ length }, () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return String.fromCharCode(97 + (state >>> 16) % 26);
  }).join('');
}

/**
 * The worker's answer to "which 朝阳区 do you mean?": a number from the list, the full name, or
 * any part that tells the candidates apart (北京, 长春).
 */
export function choosePlace(
  text: string,
  candidates: { code: string; fullName: string }[],
): { code: string; fullName: string } | undefined {
  const answer = text.trim().replace(/[。.!！]+$/, '');
  if (!answer) return undefined;
  const index = /^(?:第)?\s*([1-9])\s*(?:个|项)?$/.exec(answer);
  if (index) return candidates[Number(index[1]) - 1];
  const exact = candidates.find((c) => c.fullName === answer);
  if (exact) return exact;
  // Keep the candidates whose name shares a distinguishing piece (2+ characters) with the answer.
  const hits = candidates.filter((c) => {
    for (let len = Math.min(answer.length, 6); len >= 2; len--) {
      for (let i = 0; i + len <= answer.length; i++) {
        const piece = answer.slice(i, i + len);
        if (c.fullName.includes(piece) && !candidates.every((other) => other.fullName.includes(piece)))
          return true;
      }
    }
    return false;
  });
  return hits.length === 1 ? hits[0] : undefined;
}

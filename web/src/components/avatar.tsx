/** Initials of a person's name: "Анна Смирнова" → "АС". */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

/** A stable hue for a person, so the same agent keeps the same avatar colour. */
export function hueOf(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** A round badge with someone's initials. */
export function Avatar({ name, seed, size = 36 }: { name: string; seed?: string; size?: number }) {
  const hue = hueOf(seed ?? name);
  return (
    <span className="avatar" aria-hidden="true" style={{ width: size, height: size, fontSize: size * 0.38, background: `hsl(${hue} 65% 92%)`, color: `hsl(${hue} 60% 24%)` }}>
      {initialsOf(name)}
    </span>
  );
}
